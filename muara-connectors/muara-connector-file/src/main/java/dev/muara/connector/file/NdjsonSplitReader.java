package dev.muara.connector.file;

import dev.muara.api.data.Batch;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.formats.io.LineReader;
import dev.muara.formats.json.JsonBatchBuilder;
import dev.muara.formats.json.JsonValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one NDJSON file (a JSON object per line, UTF-8) into batches. A line that is not a JSON object, or whose
 * value does not fit a configured column type, is rejected with its line number and text; blank lines are
 * skipped. Position: {@code <byte offset>:<line>} of the next line.
 */
final class NdjsonSplitReader extends FileSplitReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final LineReader lines;
    private final JsonBatchBuilder builder;
    private boolean done;

    NdjsonSplitReader(Path file, String id, FileSettings settings, String resumeAt, ReaderContext context)
            throws IOException {
        super(id, context);
        long offset = 0;
        long line = 1;
        if (resumeAt != null) {
            String[] parts = resumeAt.split(":");
            offset = Long.parseLong(parts[0]);
            line = Long.parseLong(parts[1]);
        }
        this.input = FileInput.open(file, settings.compressionOf(id), offset, true);
        this.lines = new LineReader(input.data(), settings.maxRecordBytes(), offset, line);
        this.builder = new JsonBatchBuilder(settings.flatten(), settings.columnTypes(), context.batchRows());
        this.position = offset + ":" + line;
    }

    @Override
    public Batch next(Duration maxWait) throws IOException {
        if (done) {
            return null;
        }
        while (builder.rows() < context.batchRows()) {
            if (!lines.next()) {
                done = true;
                break;
            }
            if (lines.isBlank()) {
                continue;
            }
            if (lines.isTooLong()) {
                reject("the line is longer than the max_record_size");
                continue;
            }
            readLine();
        }
        position = lines.offset() + ":" + lines.nextLine();
        if (builder.rows() == 0 && done) {
            return null;
        }
        return builder.build();
    }

    private void readLine() {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), lines.buffer(), lines.lineStart(),
                lines.lineLength())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                reject("expected a JSON object, found " + describe(first));
                return;
            }
            builder.addObject(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                builder.removeLastRow();
                reject("more than one JSON value on the line");
            }
        } catch (JsonValueException e) {
            reject(e.getMessage());
        } catch (JacksonException e) {
            reject("not valid JSON: " + e.getOriginalMessage() + " (column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private void reject(String reason) {
        String original = new String(lines.buffer(), lines.lineStart(), lines.lineLength(), StandardCharsets.UTF_8);
        context.reject(new RejectedRecord(id + ":" + lines.lineNumber(), reason, original));
    }

}
