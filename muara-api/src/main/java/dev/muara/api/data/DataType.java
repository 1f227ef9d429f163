package dev.muara.api.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type. How values of each kind are held in a {@link Column}:
 * <table>
 *   <caption>Value representation</caption>
 *   <tr><th>kind</th><th>held as</th></tr>
 *   <tr><td>boolean</td><td>{@code boolean}</td></tr>
 *   <tr><td>int32</td><td>{@code int}</td></tr>
 *   <tr><td>int64</td><td>{@code long}</td></tr>
 *   <tr><td>float64</td><td>{@code double}</td></tr>
 *   <tr><td>decimal(p,s)</td><td>{@link java.math.BigDecimal} with scale s</td></tr>
 *   <tr><td>string, json</td><td>{@link String} (json as JSON text)</td></tr>
 *   <tr><td>binary</td><td>{@code byte[]}</td></tr>
 *   <tr><td>date</td><td>{@code int}: days since 1970-01-01</td></tr>
 *   <tr><td>time</td><td>{@code long}: microseconds since midnight</td></tr>
 *   <tr><td>timestamp</td><td>{@code long}: microseconds since 1970-01-01T00:00 (no zone)</td></tr>
 *   <tr><td>timestamptz</td><td>{@code long}: microseconds since the epoch, UTC</td></tr>
 * </table>
 *
 * @param kind the kind of value
 * @param precision total digits, for decimals only (1..38); 0 otherwise
 * @param scale digits after the point, for decimals only (0..precision); 0 otherwise
 */
public record DataType(TypeKind kind, int precision, int scale) {

    /** The largest decimal precision Muara carries; wider numbers become float64 or string. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static final DataType BOOLEAN = new DataType(TypeKind.BOOLEAN, 0, 0);
    public static final DataType INT32 = new DataType(TypeKind.INT32, 0, 0);
    public static final DataType INT64 = new DataType(TypeKind.INT64, 0, 0);
    public static final DataType FLOAT64 = new DataType(TypeKind.FLOAT64, 0, 0);
    public static final DataType STRING = new DataType(TypeKind.STRING, 0, 0);
    public static final DataType BINARY = new DataType(TypeKind.BINARY, 0, 0);
    public static final DataType DATE = new DataType(TypeKind.DATE, 0, 0);
    public static final DataType TIME = new DataType(TypeKind.TIME, 0, 0);
    public static final DataType TIMESTAMP = new DataType(TypeKind.TIMESTAMP, 0, 0);
    public static final DataType TIMESTAMP_TZ = new DataType(TypeKind.TIMESTAMP_TZ, 0, 0);
    public static final DataType JSON = new DataType(TypeKind.JSON, 0, 0);

    private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    public DataType {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == TypeKind.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("decimal(" + precision + "," + scale + ") is out of range: precision must be 1.."
                        + MAX_DECIMAL_PRECISION + " and scale 0..precision");
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(kind + " takes no precision or scale");
        }
    }

    /** A decimal with {@code precision} digits of which {@code scale} follow the point. */
    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeKind.DECIMAL, precision, scale);
    }

    /**
     * Parses a type name as written in configuration: {@code boolean}, {@code int32}, {@code int64},
     * {@code float64}, {@code decimal(p,s)}, {@code string}, {@code binary}, {@code date}, {@code time},
     * {@code timestamp}, {@code timestamptz}, {@code json}; common aliases ({@code int}, {@code bigint},
     * {@code double}, {@code text}, ...) are accepted too.
     *
     * @throws IllegalArgumentException naming the accepted names when {@code text} is none of them
     */
    public static DataType parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(name);
        if (decimal.matches()) {
            int precision = Integer.parseInt(decimal.group(1));
            int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
            return decimal(precision, scale);
        }
        return switch (name) {
            case "boolean", "bool" -> BOOLEAN;
            case "int32", "int", "integer" -> INT32;
            case "int64", "long", "bigint" -> INT64;
            case "float64", "double", "float" -> FLOAT64;
            case "decimal", "numeric" -> decimal(MAX_DECIMAL_PRECISION, 9);
            case "string", "text", "varchar" -> STRING;
            case "binary", "bytes", "blob" -> BINARY;
            case "date" -> DATE;
            case "time" -> TIME;
            case "timestamp", "datetime" -> TIMESTAMP;
            case "timestamptz", "timestamp_tz", "timestamp with time zone" -> TIMESTAMP_TZ;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("unknown type '" + text + "'; expected one of " + NAMES);
        };
    }

    /** The type names {@link #parse} accepts, for messages and the configuration schema. */
    public static final String NAMES =
            "boolean, int32, int64, float64, decimal(p,s), string, binary, date, time, timestamp, timestamptz, json";

    /** A regular expression matching every name {@link #parse} accepts, for the configuration schema. */
    public static final String NAME_PATTERN = "^(?i)\\s*(boolean|bool|int32|int|integer|int64|long|bigint|float64|double|float"
            + "|string|text|varchar|binary|bytes|blob|date|time|timestamp|datetime|timestamptz|timestamp_tz"
            + "|timestamp with time zone|json|decimal|numeric|(decimal|numeric)\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))\\s*$";

    /** Whether values of this type are numbers. */
    public boolean isNumeric() {
        return kind == TypeKind.INT32 || kind == TypeKind.INT64 || kind == TypeKind.FLOAT64 || kind == TypeKind.DECIMAL;
    }

    /**
     * The narrowest type that holds every value of both types: int32 → int64 → decimal → float64, date →
     * timestamp → timestamptz, anything mixed → string, and json absorbs everything (a JSON document can hold any
     * value).
     */
    public static DataType widen(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.kind == TypeKind.JSON || b.kind == TypeKind.JSON) {
            return JSON;
        }
        if (a.kind == TypeKind.STRING || b.kind == TypeKind.STRING) {
            return STRING;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return widenNumbers(a, b);
        }
        if (isTemporal(a) && isTemporal(b)) {
            return a.kind.ordinal() > b.kind.ordinal() ? a : b;
        }
        return STRING;
    }

    private static boolean isTemporal(DataType t) {
        return t.kind == TypeKind.DATE || t.kind == TypeKind.TIMESTAMP || t.kind == TypeKind.TIMESTAMP_TZ;
    }

    private static DataType widenNumbers(DataType a, DataType b) {
        if (a.kind == TypeKind.FLOAT64 || b.kind == TypeKind.FLOAT64) {
            return FLOAT64;
        }
        if (a.kind != TypeKind.DECIMAL && b.kind != TypeKind.DECIMAL) {
            return INT64;
        }
        int scale = Math.max(a.scaleOf(), b.scaleOf());
        int integerDigits = Math.max(a.integerDigits(), b.integerDigits());
        if (integerDigits + scale > MAX_DECIMAL_PRECISION) {
            return FLOAT64;
        }
        return decimal(integerDigits + scale, scale);
    }

    private int scaleOf() {
        return kind == TypeKind.DECIMAL ? scale : 0;
    }

    /** Digits before the point this type can hold: 10 for int32, 19 for int64. */
    private int integerDigits() {
        return switch (kind) {
            case INT32 -> 10;
            case INT64 -> 19;
            case DECIMAL -> precision - scale;
            default -> throw new IllegalStateException(kind + " is not an exact number");
        };
    }

    /** The canonical name, as {@link #parse} reads it back: {@code int64}, {@code decimal(12,2)}, ... */
    @Override
    public String toString() {
        return switch (kind) {
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            case TIMESTAMP_TZ -> "timestamptz";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
