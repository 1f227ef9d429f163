package dev.muara.transforms.expression;

import dev.cel.common.types.CelType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import java.time.Duration;
import java.time.Instant;

/**
 * How Muara values meet CEL's: the CEL type of each column type, a column value as CEL sees it, and a CEL result as a
 * column value.
 *
 * <p>CEL has no decimal, date or time: decimals are doubles, dates are timestamps at midnight UTC, times are durations
 * since midnight, timestamps without a zone are read as UTC. Every column may hold nulls, so each is declared as
 * CEL's nullable form of its type: {@code x == null} type-checks, and arithmetic on a null fails at run time.
 */
final class CelValues {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private CelValues() {
    }

    static CelType celType(DataType type) {
        return NullableType.create(plainCelType(type));
    }

    static String celTypeName(DataType type) {
        return plainCelType(type) == SimpleType.TIMESTAMP ? "timestamp"
                : plainCelType(type) == SimpleType.DURATION ? "duration" : plainCelType(type).name();
    }

    private static CelType plainCelType(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> SimpleType.BOOL;
            case INT32, INT64 -> SimpleType.INT;
            case FLOAT64, DECIMAL -> SimpleType.DOUBLE;
            case STRING, JSON -> SimpleType.STRING;
            case BINARY -> SimpleType.BYTES;
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> SimpleType.TIMESTAMP;
            case TIME -> SimpleType.DURATION;
        };
    }

    /** The column type a result of CEL type {@code type} makes, or null when it makes none by itself. */
    static DataType columnType(CelType type) {
        CelType plain = ExpressionLanguage.unwrapped(type);
        if (plain.equals(SimpleType.BOOL)) {
            return DataType.BOOLEAN;
        } else if (plain.equals(SimpleType.INT)) {
            return DataType.INT64;
        } else if (plain.equals(SimpleType.DOUBLE)) {
            return DataType.FLOAT64;
        } else if (plain.equals(SimpleType.STRING)) {
            return DataType.STRING;
        } else if (plain.equals(SimpleType.BYTES)) {
            return DataType.BINARY;
        } else if (plain.equals(SimpleType.TIMESTAMP)) {
            return DataType.TIMESTAMP_TZ;
        }
        return null;
    }

    /** The value at {@code row} of {@code column} as CEL sees it. */
    static Object value(Column column, int row) {
        if (column.isNull(row)) {
            return NullValue.NULL_VALUE;
        }
        return switch (column.type().kind()) {
            case BOOLEAN -> column.getBoolean(row);
            case INT32 -> (long) column.getInt(row);
            case INT64 -> column.getLong(row);
            case FLOAT64 -> column.getDouble(row);
            case DECIMAL -> column.getDecimal(row).doubleValue();
            case STRING, JSON -> column.getString(row);
            case BINARY -> CelByteString.of(column.getBytes(row));
            case DATE -> instant(column.getInt(row) * MICROS_PER_DAY);
            case TIME -> Duration.ofNanos(column.getLong(row) * 1000);
            case TIMESTAMP, TIMESTAMP_TZ -> instant(column.getLong(row));
        };
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /**
     * Appends {@code value}, a CEL result, to {@code column} when it is of the column's kind.
     *
     * @return false, appending nothing, when it is not
     */
    static boolean appendExact(Object value, Column column) {
        if (value instanceof NullValue) {
            column.appendNull();
            return true;
        }
        switch (column.type().kind()) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    column.appendBoolean(b);
                    return true;
                }
            }
            case INT64 -> {
                if (value instanceof Long l) {
                    column.appendLong(l);
                    return true;
                }
            }
            case FLOAT64 -> {
                if (value instanceof Double d) {
                    column.appendDouble(d);
                    return true;
                }
            }
            case STRING -> {
                if (value instanceof String s) {
                    column.appendObject(s);
                    return true;
                }
            }
            case BINARY -> {
                if (value instanceof CelByteString bytes) {
                    column.appendObject(bytes.toByteArray());
                    return true;
                }
            }
            case TIMESTAMP, TIMESTAMP_TZ -> {
                if (value instanceof Instant instant) {
                    column.appendLong(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                            instant.getNano() / 1000));
                    return true;
                }
            }
            case DATE -> {
                if (value instanceof Instant instant) {
                    column.appendInt(Math.toIntExact(Math.floorDiv(instant.getEpochSecond(), 86_400L)));
                    return true;
                }
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    /** {@code value} as text a {@link dev.muara.formats.text.TextConverter} reads, or null for a list or map. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        } else if (value instanceof CelByteString bytes) {
            return bytes.toStringUtf8();
        } else if (value instanceof Duration duration) {
            return duration.isNegative() || duration.toDays() > 0 ? duration.toString()
                    : java.time.LocalTime.ofNanoOfDay(duration.toNanos()).toString();
        } else if (value instanceof Boolean || value instanceof Number || value instanceof Instant) {
            return value.toString();
        }
        return null;
    }

    /** What a CEL value is, for a message: {@code int}, {@code list}, ... */
    static String kind(Object value) {
        return switch (value) {
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "double";
            case String s -> "string";
            case CelByteString b -> "bytes";
            case Instant i -> "timestamp";
            case Duration d -> "duration";
            case java.util.List<?> l -> "list";
            case java.util.Map<?, ?> m -> "map";
            default -> value.getClass().getSimpleName();
        };
    }
}
