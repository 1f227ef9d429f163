package dev.muara.api.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One column of a {@link Batch}: values of a single {@link DataType} in primitive arrays, so the hot path allocates
 * no object per number, date or timestamp (see {@link DataType} for how each kind is held).
 *
 * <p>A column is filled by its producer with the {@code append} methods and then handed over; whoever receives a
 * batch treats its columns as read-only. Not thread-safe.
 */
public final class Column {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final DataType type;
    private int size;
    private boolean[] nulls;
    private boolean[] booleans;
    private int[] ints;
    private long[] longs;
    private double[] doubles;
    private Object[] objects;

    /** An empty column of {@code type} with room for {@code capacity} values before it grows. */
    public Column(DataType type, int capacity) {
        this.type = type;
        int initial = Math.max(capacity, 1);
        this.nulls = new boolean[initial];
        switch (type.kind()) {
            case BOOLEAN -> booleans = new boolean[initial];
            case INT32, DATE -> ints = new int[initial];
            case INT64, TIME, TIMESTAMP, TIMESTAMP_TZ -> longs = new long[initial];
            case FLOAT64 -> doubles = new double[initial];
            default -> objects = new Object[initial];
        }
    }

    public DataType type() {
        return type;
    }

    public int size() {
        return size;
    }

    public boolean isNull(int row) {
        return nulls[row];
    }

    public boolean getBoolean(int row) {
        return booleans[row];
    }

    /** An int32 value, or a date as days since 1970-01-01. */
    public int getInt(int row) {
        return ints[row];
    }

    /** An int64 value, a time in microseconds of the day, or a timestamp in microseconds since the epoch. */
    public long getLong(int row) {
        return longs[row];
    }

    public double getDouble(int row) {
        return doubles[row];
    }

    public BigDecimal getDecimal(int row) {
        return (BigDecimal) objects[row];
    }

    /** A string or json value. */
    public String getString(int row) {
        return (String) objects[row];
    }

    public byte[] getBytes(int row) {
        return (byte[]) objects[row];
    }

    /**
     * The value as a plain Java object ({@code null} for null): Boolean, Integer, Long, Double, BigDecimal,
     * String, byte[], LocalDate, LocalTime, LocalDateTime, or Instant for timestamptz. Convenient and slow: for
     * previews and tests, not for the hot path.
     */
    public Object getObject(int row) {
        if (nulls[row]) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> booleans[row];
            case INT32 -> ints[row];
            case INT64 -> longs[row];
            case FLOAT64 -> doubles[row];
            case DATE -> LocalDate.ofEpochDay(ints[row]);
            case TIME -> LocalTime.ofNanoOfDay(longs[row] * 1000);
            case TIMESTAMP -> localDateTime(longs[row]);
            case TIMESTAMP_TZ -> instant(longs[row]);
            default -> objects[row];
        };
    }

    public void appendNull() {
        ensureRoom();
        nulls[size] = true;
        if (objects != null) {
            objects[size] = null;
        }
        size++;
    }

    public void appendBoolean(boolean value) {
        ensureRoom();
        nulls[size] = false;
        booleans[size++] = value;
    }

    /** Appends an int32, or a date as days since 1970-01-01. */
    public void appendInt(int value) {
        ensureRoom();
        nulls[size] = false;
        ints[size++] = value;
    }

    /** Appends an int64, a time in microseconds of the day, or a timestamp in microseconds since the epoch. */
    public void appendLong(long value) {
        ensureRoom();
        nulls[size] = false;
        longs[size++] = value;
    }

    public void appendDouble(double value) {
        ensureRoom();
        nulls[size] = false;
        doubles[size++] = value;
    }

    /** Appends a decimal, string, json or binary value; {@code null} appends a null. */
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        ensureRoom();
        nulls[size] = false;
        objects[size++] = value;
    }

    /** Copies the value at {@code row} of {@code source}, which must have the same type. */
    public void appendFrom(Column source, int row) {
        if (source.nulls[row]) {
            appendNull();
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> appendBoolean(source.booleans[row]);
            case INT32, DATE -> appendInt(source.ints[row]);
            case INT64, TIME, TIMESTAMP, TIMESTAMP_TZ -> appendLong(source.longs[row]);
            case FLOAT64 -> appendDouble(source.doubles[row]);
            default -> appendObject(source.objects[row]);
        }
    }

    /** Drops the values from {@code newSize} on; used to take back a half-appended row. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate a column of " + size + " values to " + newSize);
        }
        if (objects != null) {
            Arrays.fill(objects, newSize, size, null);
        }
        size = newSize;
    }

    private void ensureRoom() {
        if (size < nulls.length) {
            return;
        }
        int capacity = nulls.length * 2;
        nulls = Arrays.copyOf(nulls, capacity);
        if (booleans != null) {
            booleans = Arrays.copyOf(booleans, capacity);
        }
        if (ints != null) {
            ints = Arrays.copyOf(ints, capacity);
        }
        if (longs != null) {
            longs = Arrays.copyOf(longs, capacity);
        }
        if (doubles != null) {
            doubles = Arrays.copyOf(doubles, capacity);
        }
        if (objects != null) {
            objects = Arrays.copyOf(objects, capacity);
        }
    }

    /** A column of only nulls, for a column a batch does not carry. */
    public static Column nulls(DataType type, int rows) {
        Column column = new Column(type, rows);
        for (int i = 0; i < rows; i++) {
            column.appendNull();
        }
        return column;
    }

    /**
     * This column converted to {@code wider}, which must hold every value of this type: see
     * {@link DataType#widen}. Numbers and dates widen exactly; anything widens to string (canonical text) and
     * to json (a JSON literal).
     *
     * @throws IllegalArgumentException when {@code wider} cannot hold this column's values
     */
    public Column widenTo(DataType wider) {
        if (wider.equals(type)) {
            return this;
        }
        Column out = new Column(wider, size);
        for (int row = 0; row < size; row++) {
            if (nulls[row]) {
                out.appendNull();
                continue;
            }
            switch (wider.kind()) {
                case INT64 -> out.appendLong(exactLong(row, wider));
                case FLOAT64 -> out.appendDouble(asDouble(row, wider));
                case DECIMAL -> out.appendObject(asDecimal(row, wider));
                case TIMESTAMP -> out.appendLong(asTimestampMicros(row, wider));
                case TIMESTAMP_TZ -> out.appendLong(asTimestampMicros(row, wider));
                case STRING -> out.appendObject(text(row));
                case JSON -> out.appendObject(jsonLiteral(row));
                default -> throw cannotWiden(wider);
            }
        }
        return out;
    }

    private long exactLong(int row, DataType wider) {
        if (type.kind() == TypeKind.INT32) {
            return ints[row];
        }
        throw cannotWiden(wider);
    }

    private double asDouble(int row, DataType wider) {
        return switch (type.kind()) {
            case INT32 -> ints[row];
            case INT64 -> longs[row];
            case DECIMAL -> ((BigDecimal) objects[row]).doubleValue();
            default -> throw cannotWiden(wider);
        };
    }

    private BigDecimal asDecimal(int row, DataType wider) {
        BigDecimal value = switch (type.kind()) {
            case INT32 -> BigDecimal.valueOf(ints[row]);
            case INT64 -> BigDecimal.valueOf(longs[row]);
            case DECIMAL -> (BigDecimal) objects[row];
            default -> throw cannotWiden(wider);
        };
        return value.setScale(wider.scale(), RoundingMode.UNNECESSARY);
    }

    private long asTimestampMicros(int row, DataType wider) {
        return switch (type.kind()) {
            case DATE -> ints[row] * MICROS_PER_DAY;
            case TIMESTAMP, TIMESTAMP_TZ -> longs[row];
            default -> throw cannotWiden(wider);
        };
    }

    private IllegalArgumentException cannotWiden(DataType wider) {
        return new IllegalArgumentException("cannot widen " + type + " to " + wider);
    }

    /** The value at {@code row} as text: canonical ISO forms for dates and times, hex for binary; null for null. */
    public String text(int row) {
        if (nulls[row]) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.toString(booleans[row]);
            case INT32 -> Integer.toString(ints[row]);
            case INT64 -> Long.toString(longs[row]);
            case FLOAT64 -> Double.toString(doubles[row]);
            case DECIMAL -> ((BigDecimal) objects[row]).toPlainString();
            case STRING, JSON -> (String) objects[row];
            case BINARY -> HexFormat.of().formatHex((byte[]) objects[row]);
            case DATE -> LocalDate.ofEpochDay(ints[row]).toString();
            case TIME -> LocalTime.ofNanoOfDay(longs[row] * 1000).toString();
            case TIMESTAMP -> localDateTime(longs[row]).toString().replace('T', ' ');
            case TIMESTAMP_TZ -> instant(longs[row]).toString();
        };
    }

    /** The value at {@code row} as a JSON literal: numbers and booleans bare, json as it is, the rest quoted text. */
    public String json(int row) {
        return nulls[row] ? "null" : jsonLiteral(row);
    }

    private String jsonLiteral(int row) {
        return switch (type.kind()) {
            case BOOLEAN, INT32, INT64, DECIMAL -> text(row);
            case FLOAT64 -> Double.isFinite(doubles[row]) ? text(row) : quote(text(row));
            case JSON -> (String) objects[row];
            case BINARY -> quote(new String((byte[]) objects[row], StandardCharsets.ISO_8859_1));
            default -> quote(text(row));
        };
    }

    /** {@code text} as a JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static LocalDateTime localDateTime(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
