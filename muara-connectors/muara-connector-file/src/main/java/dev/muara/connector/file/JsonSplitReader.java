package dev.muara.connector.file;

import dev.muara.api.data.Batch;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.formats.json.JsonBatchBuilder;
import dev.muara.formats.json.JsonValueException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one JSON file holding an array of objects, or objects one after another, into batches. An element that
 * is not an object, or does not fit a configured column type, is rejected; malformed JSON ends the file with an
 * error at its line and column, since nothing after it can be trusted. Position: the number of elements read.
 */
final class JsonSplitReader extends FileSplitReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser;
    private final JsonBatchBuilder builder;
    private final boolean array;
    private long consumed;
    private boolean done;

    JsonSplitReader(Path file, String id, FileSettings settings, String resumeAt, ReaderContext context) throws IOException {
        super(id, context);
        this.input = FileInput.open(file, settings.compressionOf(id), 0, true);
        this.parser = JSON.createParser(ObjectReadContext.empty(), input.data());
        this.builder = new JsonBatchBuilder(settings.flatten(), settings.columnTypes(), context.batchRows());
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JacksonException e) {
            throw malformed(e);
        }
        this.array = first == JsonToken.START_ARRAY;
        if (first == null) {
            done = true;
        } else if (!array && first != JsonToken.START_OBJECT) {
            throw MuaraException.data("expected a JSON array of objects, or objects, found " + first)
                    .at(id + ":" + parser.currentTokenLocation().getLineNr());
        }
        long skip = resumeAt == null ? 0 : Long.parseLong(resumeAt);
        boolean pendingFirst = !array;
        while (consumed < skip && !done) {
            JsonToken token = pendingFirst ? parser.currentToken() : parser.nextToken();
            pendingFirst = false;
            if (token == null || token == JsonToken.END_ARRAY) {
                done = true;
                break;
            }
            parser.skipChildren();
            consumed++;
        }
        this.firstPending = pendingFirst && !done;
    }

    private boolean firstPending;

    @Override
    public Batch next(Duration maxWait) throws IOException {
        if (done) {
            return null;
        }
        try {
            while (builder.rows() < context.batchRows()) {
                JsonToken token = firstPending ? parser.currentToken() : parser.nextToken();
                firstPending = false;
                if (token == null || array && token == JsonToken.END_ARRAY) {
                    done = true;
                    break;
                }
                long line = parser.currentTokenLocation().getLineNr();
                consumed++;
                String text = capture();
                if (token != JsonToken.START_OBJECT) {
                    context.reject(new RejectedRecord(id + ":" + line, "expected a JSON object", text));
                    continue;
                }
                try (JsonParser element = JSON.createParser(ObjectReadContext.empty(), text)) {
                    element.nextToken();
                    builder.addObject(element);
                } catch (JsonValueException e) {
                    context.reject(new RejectedRecord(id + ":" + line, e.getMessage(), text));
                }
            }
        } catch (JacksonException e) {
            throw malformed(e);
        }
        if (builder.rows() == 0 && done) {
            return null;
        }
        return builder.build();
    }

    /** The current value as compact JSON text, leaving the parser on its last token. */
    private String capture() {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    private MuaraException malformed(JacksonException e) {
        var location = e.getLocation();
        return new MuaraException(ErrorKind.DATA, "not valid JSON: " + e.getOriginalMessage(), e)
                .at(id + (location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr()))
                .withHint("fix the file; a JSON document cannot be read past a syntax error (NDJSON, one object per line, can)");
    }

    @Override
    public String position() {
        return Long.toString(consumed);
    }

    @Override
    public void close() throws IOException {
        parser.close();
        super.close();
    }
}
