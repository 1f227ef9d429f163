package dev.muara.connector.kafka.avro;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.TypeKind;
import dev.muara.formats.message.MessageBatchBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Builds batches from Avro-encoded messages: each payload is one datum of the writer's schema, plain or in the
 * Confluent wire format (a zero magic byte and a 4-byte schema id before the datum, which is skipped: the schema is
 * the configured one). A record schema gives a column per field; any other schema a single {@code payload} column.
 * Column types come from the schema ({@link AvroTypes}), so they are the same in every batch. Each row also gets
 * the message's metadata columns, first, as {@link MessageBatchBuilder} does. Not thread-safe: one per reader.
 *
 * <p>Avro 1.12.2 checks every length read from the data against the bytes left before it allocates, so a corrupt
 * payload is rejected rather than exhausting memory.
 */
public final class AvroBatchBuilder {

    /** The Confluent wire format: magic byte 0, then a big-endian 4-byte schema id. */
    private static final int CONFLUENT_PREFIX = 5;

    private final Schema schema;
    private final GenericDatumReader<Object> reader;
    private final List<Field> metadata;
    private final List<Field> payloadFields = new ArrayList<>();
    private final List<Schema> payloadSchemas = new ArrayList<>();
    private final int capacity;
    private Column[] metadataColumns;
    private Column[] payloadColumns;
    private BinaryDecoder decoder;
    private int rows;

    /**
     * @param schema the writer's schema
     * @param metadata the metadata columns, in order; empty for none
     * @param capacity expected rows per batch
     */
    public AvroBatchBuilder(Schema schema, List<Field> metadata, int capacity) {
        this.schema = schema;
        this.reader = new GenericDatumReader<>(schema);
        this.metadata = List.copyOf(metadata);
        this.capacity = capacity;
        Set<String> taken = new HashSet<>();
        metadata.forEach(f -> taken.add(f.name()));
        if (schema.getType() == Schema.Type.RECORD) {
            for (Schema.Field field : schema.getFields()) {
                DataType type = AvroTypes.of(field.schema());
                // a metadata column wins over a field of the same name; a null-typed field holds nothing
                if (type != null && !taken.contains(field.name())) {
                    payloadFields.add(new Field(field.name(), type));
                    payloadSchemas.add(field.schema());
                } else {
                    payloadSchemas.add(null);
                }
            }
        } else {
            DataType type = AvroTypes.of(schema);
            payloadFields.add(new Field(MessageBatchBuilder.PAYLOAD, type == null ? DataType.STRING : type));
            payloadSchemas.add(schema);
        }
        this.metadataColumns = columns(this.metadata);
        this.payloadColumns = columns(payloadFields);
    }

    private Column[] columns(List<Field> fields) {
        Column[] columns = new Column[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column(fields.get(i).type(), capacity);
        }
        return columns;
    }

    /** Rows added since the last {@link #build()}. */
    public int rows() {
        return rows;
    }

    /**
     * Adds the row of one message.
     *
     * @param payload the message body: one Avro datum, with or without the Confluent prefix
     * @param metadataValues one value per metadata column, in order: Integer for int32, Long for int64 and for
     *     timestamptz (epoch microseconds), String for string and json; null for none
     * @param rejected receives the message when it cannot become a row, with the reason
     * @return rows added: 1, or 0 when the message was rejected
     */
    public int add(byte[] payload, Object[] metadataValues, MessageBatchBuilder.RejectHandler rejected) {
        Object datum;
        try {
            datum = decode(payload);
        } catch (IOException | RuntimeException e) {
            rejected.reject("the payload is not an Avro datum of the configured schema: " + describe(e),
                    Base64.getEncoder().encodeToString(payload));
            return 0;
        }
        try {
            appendPayload(datum);
        } catch (RuntimeException e) {
            for (Column column : payloadColumns) {
                column.truncate(rows);
            }
            rejected.reject("a value does not fit its column: " + describe(e), Base64.getEncoder().encodeToString(payload));
            return 0;
        }
        for (int i = 0; i < metadataColumns.length; i++) {
            appendMetadata(metadataColumns[i], metadataValues[i]);
        }
        rows++;
        return 1;
    }

    /** The datum in {@code payload}: after a Confluent prefix when there is one and the rest decodes exactly. */
    private Object decode(byte[] payload) throws IOException {
        if (payload.length >= CONFLUENT_PREFIX && payload[0] == 0) {
            try {
                return decode(payload, CONFLUENT_PREFIX);
            } catch (IOException | RuntimeException framedFailed) {
                // a plain datum may start with a zero byte too (a first field of 0, a union's first branch)
            }
        }
        return decode(payload, 0);
    }

    private Object decode(byte[] payload, int offset) throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(payload, offset, payload.length - offset, decoder);
        Object datum = reader.read(null, decoder);
        if (!decoder.isEnd()) {
            throw new IOException(decoder.remainingBytes() + " bytes follow the datum");
        }
        return datum;
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException) {
            return "it ends too early";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void appendPayload(Object datum) {
        if (schema.getType() != Schema.Type.RECORD) {
            append(payloadColumns[0], datum, payloadSchemas.get(0));
            return;
        }
        IndexedRecord record = (IndexedRecord) datum;
        int column = 0;
        for (int i = 0; i < payloadSchemas.size(); i++) {
            Schema field = payloadSchemas.get(i);
            if (field != null) {
                append(payloadColumns[column++], record.get(i), field);
            }
        }
    }

    /** Appends an Avro value of {@code schema} to a column of the type {@link AvroTypes} gives it. */
    private static void append(Column column, Object value, Schema schema) {
        if (value == null) {
            column.appendNull();
            return;
        }
        DataType type = column.type();
        if (type.kind() == TypeKind.JSON) {
            column.appendObject(AvroJson.of(value, schema));
            return;
        }
        Schema s = AvroTypes.nonNull(schema);
        LogicalType logical = s.getLogicalType();
        switch (type.kind()) {
            case BOOLEAN -> column.appendBoolean((Boolean) value);
            case INT32, DATE -> column.appendInt((Integer) value);
            case INT64 -> column.appendLong((Long) value);
            case TIME -> column.appendLong(logical instanceof LogicalTypes.TimeMillis ? (Integer) value * 1000L : (Long) value);
            case TIMESTAMP, TIMESTAMP_TZ -> column.appendLong(AvroTypes.micros(logical, (Long) value));
            // a float's shortest text, so 0.1f stays 0.1 rather than 0.10000000149011612
            case FLOAT64 -> column.appendDouble(value instanceof Float f ? Double.parseDouble(f.toString()) : (Double) value);
            case DECIMAL -> column.appendObject(AvroJson.decimal(AvroJson.bytes(value), (LogicalTypes.Decimal) logical));
            case BINARY -> column.appendObject(AvroJson.bytes(value));
            case STRING -> column.appendObject(text(value, logical));
            default -> throw new AvroRuntimeException("no column for " + s.getType());
        }
    }

    /** A string, enum or uuid value as text; a decimal too wide for a decimal column as its digits. */
    private static String text(Object value, LogicalType logical) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return AvroJson.decimal(AvroJson.bytes(value), decimal).toPlainString();
        }
        if (value instanceof GenericFixed fixed && fixed.bytes().length == 16) {
            // a uuid held in fixed(16): its 16 bytes, big-endian
            ByteBuffer bytes = ByteBuffer.wrap(fixed.bytes());
            return new UUID(bytes.getLong(), bytes.getLong()).toString();
        }
        return value.toString();
    }

    private static void appendMetadata(Column column, Object value) {
        if (value == null) {
            column.appendNull();
            return;
        }
        switch (column.type().kind()) {
            case INT32 -> column.appendInt((Integer) value);
            case INT64, TIMESTAMP_TZ -> column.appendLong((Long) value);
            default -> column.appendObject(value);
        }
    }

    /** The rows added since the last call, as a batch; the builder starts over. */
    public Batch build() {
        List<Field> fields = new ArrayList<>(metadata);
        fields.addAll(payloadFields);
        Column[] columns = new Column[fields.size()];
        System.arraycopy(metadataColumns, 0, columns, 0, metadataColumns.length);
        System.arraycopy(payloadColumns, 0, columns, metadataColumns.length, payloadColumns.length);
        Batch batch = new Batch(new dev.muara.api.data.Schema(fields), columns, rows);
        metadataColumns = columns(metadata);
        payloadColumns = columns(payloadFields);
        rows = 0;
        return batch;
    }
}
