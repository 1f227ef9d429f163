package dev.muara.connector.kafka.avro;

import dev.muara.api.data.DataType;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * How Avro types map to Muara types. Nullable unions ({@code ["null", T]}) take T's type; records, arrays, maps and
 * unions of several types become json; logical types keep their meaning (date, time, timestamps, decimal).
 */
final class AvroTypes {

    private AvroTypes() {
    }

    /** The type of a column holding values of {@code schema}; null for the null type, which holds nothing. */
    static DataType of(Schema schema) {
        Schema s = nonNull(schema);
        if (s == null) {
            return null;
        }
        LogicalType logical = s.getLogicalType();
        return switch (s.getType()) {
            case BOOLEAN -> DataType.BOOLEAN;
            case INT -> logical instanceof LogicalTypes.Date ? DataType.DATE
                    : logical instanceof LogicalTypes.TimeMillis ? DataType.TIME : DataType.INT32;
            case LONG -> longType(logical);
            case FLOAT, DOUBLE -> DataType.FLOAT64;
            case BYTES, FIXED -> logical instanceof LogicalTypes.Decimal d
                    ? d.getPrecision() <= DataType.MAX_DECIMAL_PRECISION ? DataType.decimal(d.getPrecision(), d.getScale()) : DataType.STRING
                    : logical != null && logical.getName().equals("uuid") ? DataType.STRING : DataType.BINARY;
            case STRING, ENUM -> DataType.STRING;
            case RECORD, ARRAY, MAP, UNION -> DataType.JSON;
            case NULL -> null;
        };
    }

    /** The type of a long with {@code logical} (null for none). */
    static DataType longType(LogicalType logical) {
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros
                || logical instanceof LogicalTypes.TimestampNanos) {
            return DataType.TIMESTAMP_TZ;
        }
        if (logical instanceof LogicalTypes.LocalTimestampMillis || logical instanceof LogicalTypes.LocalTimestampMicros
                || logical instanceof LogicalTypes.LocalTimestampNanos) {
            return DataType.TIMESTAMP;
        }
        return logical instanceof LogicalTypes.TimeMicros ? DataType.TIME : DataType.INT64;
    }

    /**
     * The schema itself, or the single non-null branch of a union; a union of several non-null branches stays a
     * union; null for the null type.
     */
    static Schema nonNull(Schema schema) {
        if (schema.getType() == Schema.Type.NULL) {
            return null;
        }
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        if (branches.isEmpty()) {
            return null;
        }
        return branches.size() == 1 ? branches.get(0) : schema;
    }

    /** Microseconds from a long of a timestamp or time logical type. */
    static long micros(LogicalType logical, long value) {
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis) {
            return Math.multiplyExact(value, 1000L);
        }
        if (logical instanceof LogicalTypes.TimestampNanos || logical instanceof LogicalTypes.LocalTimestampNanos) {
            return Math.floorDiv(value, 1000L);
        }
        return value;
    }
}
