package dev.muara.connector.kafka.avro;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Nested Avro values (records, arrays, maps, unions of several types) as plain JSON text: records and maps become
 * objects, unions their chosen branch, bytes base64 text, decimals exact numbers, and dates and times ISO-8601 text.
 */
final class AvroJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AvroJson() {
    }

    /** {@code value}, read with {@code schema}, as JSON text. */
    static String of(Object value, Schema schema) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            write(generator, value, schema);
        }
        return out.toString();
    }

    private static void write(JsonGenerator out, Object value, Schema schema) {
        if (value == null) {
            out.writeNull();
            return;
        }
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case UNION -> write(out, value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) value;
                out.writeStartObject();
                for (Schema.Field field : schema.getFields()) {
                    out.writeName(field.name());
                    write(out, record.get(field.pos()), field.schema());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (Object item : (Iterable<?>) value) {
                    write(out, item, schema.getElementType());
                }
                out.writeEndArray();
            }
            case MAP -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.writeName(entry.getKey().toString());
                    write(out, entry.getValue(), schema.getValueType());
                }
                out.writeEndObject();
            }
            case STRING, ENUM -> out.writeString(value.toString());
            case BYTES, FIXED -> {
                byte[] bytes = bytes(value);
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    out.writeNumber(decimal(bytes, decimal).toPlainString());
                } else {
                    out.writeBinary(bytes);
                }
            }
            case INT -> {
                int n = (Integer) value;
                if (logical instanceof LogicalTypes.Date) {
                    out.writeString(LocalDate.ofEpochDay(n).toString());
                } else if (logical instanceof LogicalTypes.TimeMillis) {
                    out.writeString(LocalTime.ofNanoOfDay(n * 1_000_000L).toString());
                } else {
                    out.writeNumber(n);
                }
            }
            case LONG -> writeLong(out, (Long) value, logical);
            case FLOAT, DOUBLE -> {
                double d = ((Number) value).doubleValue();
                if (Double.isFinite(d)) {
                    out.writeNumber(value instanceof Float f ? f.toString() : Double.toString(d));
                } else {
                    out.writeString(Double.toString(d));
                }
            }
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case NULL -> out.writeNull();
        }
    }

    private static void writeLong(JsonGenerator out, long n, LogicalType logical) {
        switch (AvroTypes.longType(logical).kind()) {
            case TIMESTAMP_TZ -> out.writeString(instant(AvroTypes.micros(logical, n)).toString());
            case TIMESTAMP -> out.writeString(LocalDateTime.ofInstant(instant(AvroTypes.micros(logical, n)), ZoneOffset.UTC).toString());
            case TIME -> out.writeString(LocalTime.ofNanoOfDay(n * 1000L).toString());
            default -> out.writeNumber(n);
        }
    }

    /** The bytes of a {@code bytes} or {@code fixed} value. */
    static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return ((GenericFixed) value).bytes().clone();
    }

    /** A decimal logical value from its two's-complement bytes. */
    static BigDecimal decimal(byte[] bytes, LogicalTypes.Decimal decimal) {
        return new BigDecimal(new BigInteger(bytes), decimal.getScale());
    }

    /** The instant {@code micros} microseconds after the epoch. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
