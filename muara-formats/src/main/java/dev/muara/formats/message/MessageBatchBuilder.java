package dev.muara.formats.message;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.ColumnSpec;
import dev.muara.formats.csv.CsvDialect;
import dev.muara.formats.csv.CsvParser;
import dev.muara.formats.json.JsonBatchBuilder;
import dev.muara.formats.json.JsonValueException;
import dev.muara.formats.text.TextConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Builds batches from messages: each message's payload becomes one or more rows ({@link PayloadFormat}), and each
 * row also gets the message's metadata columns (topic, time, ...) that the source declares. Column types stick from
 * batch to batch. Not thread-safe: one per reader.
 *
 * <p>A metadata column wins over a payload field of the same name, which is left out: metadata names start with an
 * underscore so that this is rare.
 */
public final class MessageBatchBuilder {

    /** The column holding a text or bytes payload. */
    public static final String PAYLOAD = "payload";

    private static final JsonFactory JSON = new JsonFactory();

    private final PayloadSettings settings;
    private final List<Field> metadata;
    private final Set<String> metadataNames = new HashSet<>();
    private final int capacity;
    private Column[] metadataColumns;
    private int rows;

    private final JsonBatchBuilder json;
    private final CsvParser csv;
    private final List<String> csvNames = new ArrayList<>();
    private final Map<String, TextConverter> csvConverters = new HashMap<>();
    private final List<Column> csvColumns = new ArrayList<>();
    private Column payloadColumn;

    /**
     * @param settings how payloads are read
     * @param metadata the metadata columns, in order; empty for none
     * @param capacity expected rows per batch
     */
    public MessageBatchBuilder(PayloadSettings settings, List<Field> metadata, int capacity) {
        this.settings = settings;
        this.metadata = List.copyOf(metadata);
        this.capacity = capacity;
        metadata.forEach(f -> metadataNames.add(f.name()));
        this.metadataColumns = newMetadataColumns();
        Map<String, DataType> fixed = new HashMap<>();
        settings.columns().forEach((name, spec) -> fixed.put(name, spec.type()));
        this.json = settings.format() == PayloadFormat.JSON ? new JsonBatchBuilder(settings.flatten(), fixed, capacity) : null;
        this.csv = settings.format() == PayloadFormat.CSV
                ? new CsvParser(InputStream.nullInputStream(), CsvDialect.RFC4180.withHeader(false).withDelimiter(settings.delimiter()))
                : null;
    }

    private Column[] newMetadataColumns() {
        Column[] columns = new Column[metadata.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column(metadata.get(i).type(), capacity);
        }
        return columns;
    }

    /** Rows added since the last {@link #build()}. */
    public int rows() {
        return rows;
    }

    /**
     * Adds the rows of one message.
     *
     * @param payload the message body
     * @param metadataValues one value per metadata column, in order: String (string, json), Integer, Long, Boolean,
     *     byte[], and for timestamptz an {@link Instant} or epoch microseconds as a Long; null for none
     * @param rejected receives each record of the message that cannot become a row, with the reason; the others
     *     are added
     * @return rows added
     */
    public int add(byte[] payload, Object[] metadataValues, RejectHandler rejected) {
        int before = rows;
        switch (settings.format()) {
            case JSON -> addJson(payload, rejected);
            case CSV -> addCsv(payload, rejected);
            case TEXT -> addText(payload, rejected);
            case BYTES -> {
                payloadColumn().appendObject(payload);
                rows++;
            }
        }
        for (int row = before; row < rows; row++) {
            for (int i = 0; i < metadataColumns.length; i++) {
                append(metadataColumns[i], metadataValues[i]);
            }
        }
        return rows - before;
    }

    /** Receives a record that cannot become a row. */
    @FunctionalInterface
    public interface RejectHandler {
        /**
         * @param reason why, one sentence
         * @param original the record as it arrived
         */
        void reject(String reason, String original);
    }

    private Column payloadColumn() {
        if (payloadColumn == null) {
            payloadColumn = new Column(settings.format() == PayloadFormat.TEXT ? DataType.STRING : DataType.BINARY, capacity);
        }
        return payloadColumn;
    }

    private void addText(byte[] payload, RejectHandler rejected) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
            payloadColumn().appendObject(text);
            rows++;
        } catch (CharacterCodingException e) {
            rejected.reject("the payload is not UTF-8 text (use format: bytes)", text(payload));
        }
    }

    private void addJson(byte[] payload, RejectHandler rejected) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), payload)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                rejected.reject("the payload is empty, not JSON", "");
                return;
            }
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            while (token != null && token != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    rejected.reject("a JSON " + describe(token) + " where an object was expected", text(payload));
                    if (token == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    }
                } else {
                    addJsonObject(parser, payload, rejected);
                }
                token = parser.nextToken();
            }
        } catch (JacksonException e) {
            rejected.reject("the payload is not valid JSON: " + e.getOriginalMessage(), text(payload));
        }
    }

    private void addJsonObject(JsonParser parser, byte[] payload, RejectHandler rejected) {
        try {
            json.addObject(parser);
            rows++;
        } catch (JsonValueException e) {
            rejected.reject(e.getMessage(), text(payload));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private void addCsv(byte[] payload, RejectHandler rejected) {
        csv.reset(payload, payload.length);
        try {
            while (csv.next()) {
                if (csv.problem() != null) {
                    rejected.reject(csv.problem(), csv.rawRecord());
                    continue;
                }
                addCsvRecord(rejected);
            }
        } catch (IOException e) {
            // the parser reads only the bytes it was given
            throw new IllegalStateException(e);
        }
    }

    private void addCsvRecord(RejectHandler rejected) {
        int fields = csv.fieldCount();
        while (csvNames.size() < fields) {
            int n = csvNames.size();
            String name = n < settings.columnNames().size() ? settings.columnNames().get(n) : "column_" + (n + 1);
            ColumnSpec spec = settings.columns().get(name);
            TextConverter converter = spec == null ? TextConverter.of(DataType.STRING, null) : TextConverter.of(spec.type(), spec.format());
            csvNames.add(name);
            csvConverters.put(name, converter);
            Column column = new Column(converter.type(), capacity);
            for (int row = 0; row < rows; row++) {
                column.appendNull();
            }
            csvColumns.add(column);
        }
        for (int i = 0; i < fields; i++) {
            String text = csv.field(i);
            Column column = csvColumns.get(i);
            if (text == null) {
                column.appendNull();
            } else if (!csvConverters.get(csvNames.get(i)).append(text, column)) {
                for (int j = 0; j <= i; j++) {
                    csvColumns.get(j).truncate(rows);
                }
                rejected.reject("column " + csvNames.get(i) + ": '" + text + "' is not a " + column.type(), csv.rawRecord());
                return;
            }
        }
        for (int i = fields; i < csvColumns.size(); i++) {
            csvColumns.get(i).appendNull();
        }
        rows++;
    }

    private static void append(Column column, Object value) {
        if (value == null) {
            column.appendNull();
            return;
        }
        switch (column.type().kind()) {
            case BOOLEAN -> column.appendBoolean((Boolean) value);
            case INT32 -> column.appendInt(((Number) value).intValue());
            case INT64 -> column.appendLong(((Number) value).longValue());
            case FLOAT64 -> column.appendDouble(((Number) value).doubleValue());
            case TIMESTAMP_TZ -> column.appendLong(value instanceof Instant t
                    ? Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000)
                    : ((Number) value).longValue());
            default -> column.appendObject(value);
        }
    }

    /** The rows added since the last call, as a batch; the builder starts over, keeping column types. */
    public Batch build() {
        List<Field> fields = new ArrayList<>(metadata);
        List<Column> columns = new ArrayList<>(List.of(metadataColumns));
        switch (settings.format()) {
            case JSON -> {
                Batch payload = json.build();
                for (int i = 0; i < payload.schema().size(); i++) {
                    addPayloadColumn(fields, columns, payload.schema().field(i), payload.column(i));
                }
            }
            case CSV -> {
                for (int i = 0; i < csvColumns.size(); i++) {
                    Column column = csvColumns.get(i);
                    addPayloadColumn(fields, columns, new Field(csvNames.get(i), column.type()), column);
                    csvColumns.set(i, new Column(column.type(), capacity));
                }
            }
            case TEXT, BYTES -> {
                Column column = payloadColumn();
                addPayloadColumn(fields, columns, new Field(PAYLOAD, column.type()), column);
                payloadColumn = null;
            }
        }
        Batch batch = new Batch(new Schema(fields), columns.toArray(new Column[0]), rows);
        metadataColumns = newMetadataColumns();
        rows = 0;
        return batch;
    }

    private void addPayloadColumn(List<Field> fields, List<Column> columns, Field field, Column column) {
        if (!metadataNames.contains(field.name())) {
            fields.add(field);
            columns.add(column);
        }
    }

    /** The text of a rejected message, for the dead-letter file. */
    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
