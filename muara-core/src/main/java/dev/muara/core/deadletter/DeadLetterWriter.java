package dev.muara.core.deadletter;

import dev.muara.api.error.MuaraException;
import dev.muara.api.source.RejectedRecord;
import dev.muara.core.redact.Redactor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes rejected records to an NDJSON file per run in the work folder's {@code dead-letter/} folder: one line
 * per record with the stream, where it was ({@code file:line}), why, and the original text, so it can be
 * repaired and loaded again. The file is created on the first reject. Known secrets are blanked, as everywhere
 * Muara writes. Thread-safe.
 */
public final class DeadLetterWriter implements AutoCloseable {

    /** The longest original text kept; longer records are cut, and say so. */
    static final int MAX_ORIGINAL_CHARS = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final String runId;
    private final Redactor redactor;
    private BufferedWriter out;
    private long count;

    public DeadLetterWriter(Path directory, String runId, Redactor redactor) {
        this.file = directory.resolve(runId + ".ndjson");
        this.runId = runId;
        this.redactor = redactor;
    }

    /** Appends {@code record} of {@code stream}. */
    public synchronized void write(String stream, RejectedRecord record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("run", runId);
        line.put("stream", stream);
        line.put("location", record.location());
        line.put("reason", record.reason());
        String original = record.original();
        if (original != null && original.length() > MAX_ORIGINAL_CHARS) {
            line.put("original", original.substring(0, MAX_ORIGINAL_CHARS));
            line.put("truncated", true);
        } else {
            line.put("original", original);
        }
        line.put("rejected_at", Instant.now().toString());
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write(redactor.redact(JSON.writeValueAsString(line)));
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw MuaraException.resource("cannot write the dead-letter file", e).at(file.toString());
        }
    }

    /** Pushes written records to disk; called before each commit. */
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw MuaraException.resource("cannot write the dead-letter file", e).at(file.toString());
            }
        }
    }

    /** The file, which exists only when something was rejected. */
    public Path file() {
        return file;
    }

    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw MuaraException.resource("cannot close the dead-letter file", e).at(file.toString());
            }
            out = null;
        }
    }
}
