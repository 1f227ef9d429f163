package dev.muara.core.run;

import dev.muara.api.error.MuaraException;
import dev.muara.core.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run history of a pipeline: one JSON file per run in the work folder's {@code runs/} folder. Needs no
 * server, survives crashes (each save replaces the file atomically), and is readable with any tool.
 */
public final class RunStore {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path directory;
    private final Redactor redactor;

    public RunStore(Path workDirectory, Redactor redactor) {
        this.directory = workDirectory.resolve("runs");
        this.redactor = redactor;
    }

    /** Writes {@code record}, replacing an earlier version of the same run. */
    public void save(RunRecord record) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(record.id() + ".json");
            Path temp = directory.resolve(record.id() + ".json.tmp");
            Files.writeString(temp, redactor.redact(JSON.writeValueAsString(record)));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw MuaraException.resource("cannot write the run record", e).at(directory.toString());
        }
    }

    /**
     * Marks runs still recorded as running, other than {@code currentRunId}, as failed: their process ended
     * without writing a final record (killed, or out of memory). The run that starts now resumes their work.
     */
    public void closeAbandoned(String currentRunId) {
        for (RunRecord record : list(Integer.MAX_VALUE)) {
            if (record.status() == RunStatus.RUNNING && !record.id().equals(currentRunId)) {
                save(new RunRecord(record.id(), record.pipeline(), record.started(), null, RunStatus.FAILED,
                        "the process ended before the run did (killed or crashed); a later run resumed from its last checkpoint",
                        record.checkpoints(), false, record.deadLetterFile(), record.streams()));
            }
        }
    }

    /** The newest runs first, at most {@code limit}. */
    public List<RunRecord> list(int limit) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .limit(limit).toList();
        } catch (IOException e) {
            throw MuaraException.resource("cannot list the run records", e).at(directory.toString());
        }
        List<RunRecord> records = new ArrayList<>();
        for (Path file : files) {
            try {
                records.add(JSON.readValue(file.toFile(), RunRecord.class));
            } catch (JacksonException e) {
                // a record written by another version, or damaged: skip it rather than hide the others
            }
        }
        return records;
    }
}
