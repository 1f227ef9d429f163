package dev.muara.formats.text;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns text into values of one {@link DataType}, appending them to a {@link Column}. A converter never throws
 * for bad input: {@link #append} returns false and the caller decides (widen the column, or reject the row).
 *
 * <p>Formats: dates, times and timestamps accept a {@link DateTimeFormatter} pattern ({@code dd/MM/yyyy HH:mm});
 * without one, ISO and unambiguous layouts are accepted. Booleans accept {@code true/false}, {@code yes/no},
 * {@code y/n}, {@code t/f}, {@code on/off}, {@code 1/0}, or a {@code format} such as {@code J/N}. Binary accepts
 * base64, or hex with {@code format: hex}. Timestamps with a zone written into a timestamp (no zone) column are
 * converted to UTC; timestamps without a zone written into a timestamptz column are taken as UTC.
 */
public final class TextConverter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final DateOrder[] UNAMBIGUOUS = {DateOrder.ISO, DateOrder.YMD_SLASH, DateOrder.DMY_DOT};

    private final DataType type;
    private final DateOrder[] layouts;
    private final DateTimeFormatter formatter;
    private final String trueWord;
    private final String falseWord;
    private final boolean hex;
    private final BigDecimal decimalLimit;

    private TextConverter(DataType type, DateOrder[] layouts, DateTimeFormatter formatter, String trueWord,
            String falseWord, boolean hex) {
        this.type = type;
        this.layouts = layouts;
        this.formatter = formatter;
        this.trueWord = trueWord;
        this.falseWord = falseWord;
        this.hex = hex;
        this.decimalLimit = type.kind() == dev.muara.api.data.TypeKind.DECIMAL
                ? BigDecimal.TEN.pow(type.precision() - type.scale())
                : null;
    }

    /**
     * A converter for {@code type} with an optional {@code format}.
     *
     * @throws IllegalArgumentException when {@code format} is not valid for {@code type}
     */
    public static TextConverter of(DataType type, String format) {
        if (format == null || format.isBlank()) {
            return new TextConverter(type, UNAMBIGUOUS, null, null, null, false);
        }
        return switch (type.kind()) {
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> {
                try {
                    yield new TextConverter(type, new DateOrder[0], Temporal.strictPattern(format), null, null, false);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + format + "' is not a date/time pattern: " + e.getMessage());
                }
            }
            case BOOLEAN -> {
                String[] words = format.split("/");
                if (words.length != 2 || words[0].isBlank() || words[1].isBlank()) {
                    throw new IllegalArgumentException("a boolean format is two words for true and false, as 'yes/no'");
                }
                yield new TextConverter(type, UNAMBIGUOUS, null, words[0].trim(), words[1].trim(), false);
            }
            case BINARY -> {
                if (!format.equalsIgnoreCase("hex") && !format.equalsIgnoreCase("base64")) {
                    throw new IllegalArgumentException("a binary format is 'hex' or 'base64'");
                }
                yield new TextConverter(type, UNAMBIGUOUS, null, null, null, format.equalsIgnoreCase("hex"));
            }
            default -> throw new IllegalArgumentException(type + " takes no format");
        };
    }

    /** A converter for {@code type} reading dates in the one layout inference found. */
    static TextConverter inferred(DataType type, DateOrder layout) {
        return new TextConverter(type, layout == null ? UNAMBIGUOUS : new DateOrder[] {layout}, null, null, null,
                false);
    }

    public DataType type() {
        return type;
    }

    /** The date layout this converter reads, or null when it reads several or uses a pattern. */
    DateOrder layout() {
        return layouts.length == 1 && formatter == null ? layouts[0] : null;
    }

    /**
     * Appends {@code text} converted to this converter's type.
     *
     * @return false, appending nothing, when {@code text} is not a value of the type
     */
    public boolean append(String text, Column column) {
        switch (type.kind()) {
            case STRING -> column.appendObject(text);
            case INT32 -> {
                long v = Numbers.parseLong(text);
                if (v == Numbers.NOT_A_NUMBER || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    return false;
                }
                column.appendInt((int) v);
            }
            case INT64 -> {
                long v = Numbers.parseLong(text);
                if (v == Numbers.NOT_A_NUMBER) {
                    return false;
                }
                column.appendLong(v);
            }
            case FLOAT64 -> {
                if (!Numbers.isFloat(text)) {
                    return false;
                }
                column.appendDouble(Numbers.toDouble(text));
            }
            case DECIMAL -> {
                BigDecimal v = decimal(text);
                if (v == null) {
                    return false;
                }
                column.appendObject(v);
            }
            case BOOLEAN -> {
                int v = bool(text);
                if (v < 0) {
                    return false;
                }
                column.appendBoolean(v == 1);
            }
            case DATE -> {
                long day = date(text);
                if (day == Temporal.INVALID) {
                    return false;
                }
                column.appendInt((int) day);
            }
            case TIME -> {
                long micros = time(text);
                if (micros < 0) {
                    return false;
                }
                column.appendLong(micros);
            }
            case TIMESTAMP, TIMESTAMP_TZ -> {
                long micros = timestamp(text);
                if (micros == Temporal.INVALID) {
                    return false;
                }
                column.appendLong(micros);
            }
            case JSON -> {
                if (!isJson(text)) {
                    return false;
                }
                column.appendObject(text);
            }
            case BINARY -> {
                byte[] bytes = binary(text);
                if (bytes == null) {
                    return false;
                }
                column.appendObject(bytes);
            }
        }
        return true;
    }

    private BigDecimal decimal(String text) {
        return Numbers.isDecimal(text) ? fitted(new BigDecimal(text)) : null;
    }

    /** {@code value} rounded half up to this decimal type's scale, or null when it needs more digits than it has. */
    private BigDecimal fitted(BigDecimal value) {
        BigDecimal v = value.setScale(type.scale(), RoundingMode.HALF_UP);
        return v.abs().compareTo(decimalLimit) < 0 ? v : null;
    }

    /**
     * For a decimal type: appends {@code value} as its text would be, without the text (a cast from a number column
     * to a decimal), rounded half up to the scale.
     *
     * @return false (nothing appended) when it needs more digits than the type has
     */
    public boolean appendDecimal(BigDecimal value, Column column) {
        BigDecimal v = fitted(value);
        if (v == null) {
            return false;
        }
        column.appendObject(v);
        return true;
    }

    private int bool(String text) {
        if (trueWord != null) {
            return text.equalsIgnoreCase(trueWord) ? 1 : text.equalsIgnoreCase(falseWord) ? 0 : -1;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> 1;
            case "false", "f", "no", "n", "off", "0" -> 0;
            default -> -1;
        };
    }

    private long date(String text) {
        if (formatter != null) {
            try {
                return LocalDate.parse(text, formatter).toEpochDay();
            } catch (DateTimeParseException e) {
                return Temporal.INVALID;
            }
        }
        for (DateOrder layout : layouts) {
            long day = Temporal.date(text, layout);
            if (day != Temporal.INVALID) {
                return day;
            }
        }
        return Temporal.INVALID;
    }

    private long time(String text) {
        if (formatter != null) {
            try {
                return LocalTime.parse(text, formatter).toNanoOfDay() / 1000;
            } catch (DateTimeParseException e) {
                return -1;
            }
        }
        return Temporal.time(text);
    }

    private long timestamp(String text) {
        if (formatter != null) {
            return patternTimestamp(text);
        }
        for (DateOrder layout : layouts) {
            Temporal.Stamp stamp = Temporal.parseTimestamp(text, layout);
            if (stamp != null) {
                return stamp.micros();
            }
            long day = Temporal.date(text, layout);
            if (day != Temporal.INVALID) {
                return day * MICROS_PER_DAY;
            }
        }
        return Temporal.INVALID;
    }

    private long patternTimestamp(String text) {
        try {
            TemporalAccessor parsed = formatter.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return micros(odt.toInstant().getEpochSecond(), odt.getNano());
            }
            LocalDateTime ldt = (LocalDateTime) parsed;
            return micros(ldt.toEpochSecond(ZoneOffset.UTC), ldt.getNano());
        } catch (DateTimeParseException e) {
            return Temporal.INVALID;
        }
    }

    private static long micros(long seconds, int nanos) {
        return seconds * 1_000_000L + nanos / 1000;
    }

    private static boolean isJson(String text) {
        try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    private byte[] binary(String text) {
        try {
            if (hex) {
                String digits = text.startsWith("0x") || text.startsWith("\\x") ? text.substring(2) : text;
                return HexFormat.of().parseHex(digits);
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
