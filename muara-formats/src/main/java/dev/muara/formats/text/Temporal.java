package dev.muara.formats.text;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Fast, allocation-free parsing of dates, times and timestamps in the common layouts. Every method returns
 * {@link #INVALID} (or a negative mask) instead of throwing, because inference tries many values that are not
 * dates at all.
 */
public final class Temporal {

    /** Returned by the date parsers for text that is not a valid date. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private Temporal() {
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    public static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long) era * 146_097 + doe - 719_468;
    }

    static boolean validDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) {
            return false;
        }
        int max = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= max;
    }

    /**
     * Parses a date at the start of {@code s} (up to {@code end}) in {@code layout}.
     *
     * @return the epoch day, or {@link #INVALID}; {@code consumed[0]} receives the index after the date
     */
    static long parseDate(String s, int end, DateOrder layout, int[] consumed) {
        int[] parts = new int[3];
        int[] digits = new int[3];
        int p = 0;
        for (int part = 0; part < 3; part++) {
            int start = p;
            int value = 0;
            while (p < end && p - start < 4) {
                char c = s.charAt(p);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                p++;
            }
            digits[part] = p - start;
            parts[part] = value;
            if (digits[part] == 0) {
                return INVALID;
            }
            if (part < 2) {
                if (p >= end || s.charAt(p) != layout.separator) {
                    return INVALID;
                }
                p++;
            }
        }
        int year;
        int month;
        int day;
        switch (layout.order) {
            case 0 -> {
                year = parts[0];
                month = parts[1];
                day = parts[2];
                if (digits[0] != 4 || digits[1] > 2 || digits[2] > 2) {
                    return INVALID;
                }
            }
            case 1 -> {
                month = parts[0];
                day = parts[1];
                year = parts[2];
                if (digits[2] != 4 || digits[0] > 2 || digits[1] > 2) {
                    return INVALID;
                }
            }
            default -> {
                day = parts[0];
                month = parts[1];
                year = parts[2];
                if (digits[2] != 4 || digits[0] > 2 || digits[1] > 2) {
                    return INVALID;
                }
            }
        }
        if (!validDate(year, month, day)) {
            return INVALID;
        }
        consumed[0] = p;
        return epochDay(year, month, day);
    }

    /** The epoch day of {@code s} in {@code layout}, or {@link #INVALID}. */
    public static long date(String s, DateOrder layout) {
        int[] consumed = new int[1];
        long day = parseDate(s, s.length(), layout, consumed);
        return day != INVALID && consumed[0] == s.length() ? day : INVALID;
    }

    /**
     * Parses {@code HH:mm[:ss[.fraction]]} from {@code from}.
     *
     * @return microseconds of the day, or -1; {@code consumed[0]} receives the index after the time
     */
    static long parseTime(String s, int from, int[] consumed) {
        int p = from;
        int n = s.length();
        if (p + 5 > n || !digit(s, p) || !digit(s, p + 1) || s.charAt(p + 2) != ':' || !digit(s, p + 3)
                || !digit(s, p + 4)) {
            return -1;
        }
        int hour = (s.charAt(p) - '0') * 10 + s.charAt(p + 1) - '0';
        int minute = (s.charAt(p + 3) - '0') * 10 + s.charAt(p + 4) - '0';
        p += 5;
        int second = 0;
        long micros = 0;
        if (p + 2 < n && s.charAt(p) == ':' && digit(s, p + 1) && digit(s, p + 2)) {
            second = (s.charAt(p + 1) - '0') * 10 + s.charAt(p + 2) - '0';
            p += 3;
            if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',') && p + 1 < n && digit(s, p + 1)) {
                p++;
                int fractionDigits = 0;
                while (p < n && digit(s, p)) {
                    if (fractionDigits < 6) {
                        micros = micros * 10 + (s.charAt(p) - '0');
                    }
                    fractionDigits++;
                    p++;
                }
                for (int i = fractionDigits; i < 6; i++) {
                    micros *= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            if (!(hour == 24 && minute == 0 && second == 0 && micros == 0)) {
                return -1;
            }
        }
        consumed[0] = p;
        return ((hour * 60L + minute) * 60L + second) * MICROS_PER_SECOND + micros;
    }

    /** Microseconds of the day of {@code HH:mm[:ss[.fraction]]}, or -1. */
    public static long time(String s) {
        int[] consumed = new int[1];
        long micros = parseTime(s, 0, consumed);
        return micros >= 0 && consumed[0] == s.length() && micros < MICROS_PER_DAY ? micros : -1;
    }

    /**
     * Parses a zone designator from {@code from} to the end: {@code Z}, {@code UTC}, {@code +HH}, {@code +HHmm},
     * {@code +HH:mm} (or minus), optionally after one space.
     *
     * @return the offset in seconds, or {@link Integer#MIN_VALUE} when there is no valid zone
     */
    static int parseZone(String s, int from) {
        int p = from;
        int n = s.length();
        if (p < n && s.charAt(p) == ' ') {
            p++;
        }
        if (p >= n) {
            return Integer.MIN_VALUE;
        }
        char c = s.charAt(p);
        if ((c == 'Z' || c == 'z') && p + 1 == n) {
            return 0;
        }
        if (s.regionMatches(true, p, "UTC", 0, 3) && p + 3 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return Integer.MIN_VALUE;
        }
        int sign = c == '-' ? -1 : 1;
        p++;
        if (p + 2 > n || !digit(s, p) || !digit(s, p + 1)) {
            return Integer.MIN_VALUE;
        }
        int hours = (s.charAt(p) - '0') * 10 + s.charAt(p + 1) - '0';
        p += 2;
        int minutes = 0;
        if (p < n) {
            if (s.charAt(p) == ':') {
                p++;
            }
            if (p + 2 != n || !digit(s, p) || !digit(s, p + 1)) {
                return Integer.MIN_VALUE;
            }
            minutes = (s.charAt(p) - '0') * 10 + s.charAt(p + 1) - '0';
        }
        if (hours > 18 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        return sign * (hours * 3600 + minutes * 60);
    }

    /**
     * A parsed timestamp.
     *
     * @param micros microseconds since the epoch (UTC when zoned)
     * @param zoned whether the text carried a zone
     */
    public record Stamp(long micros, boolean zoned) {
    }

    /**
     * Parses {@code <date>[T| ]<time>[zone]} with the date in {@code layout}; a zoned value is converted to UTC.
     *
     * @return the timestamp, or null
     */
    public static Stamp parseTimestamp(String s, DateOrder layout) {
        int[] consumed = new int[1];
        long day = parseDate(s, s.length(), layout, consumed);
        int p = consumed[0];
        if (day == INVALID || p >= s.length()) {
            return null;
        }
        char sep = s.charAt(p);
        if (sep != 'T' && sep != ' ' && sep != 't') {
            return null;
        }
        long micros = parseTime(s, p + 1, consumed);
        if (micros < 0) {
            return null;
        }
        long local = day * MICROS_PER_DAY + micros;
        p = consumed[0];
        if (p == s.length()) {
            return new Stamp(local, false);
        }
        int offset = parseZone(s, p);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        return new Stamp(local - offset * MICROS_PER_SECOND, true);
    }

    private static boolean digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    /**
     * A formatter of a {@link DateTimeFormatter} pattern that refuses dates that do not exist (31/04, 29/02 of a
     * common year) instead of moving them to the month's last day, as the default resolver does. Strict resolving
     * needs the proleptic year {@code u}: {@code y} (year of era) is read as it, the same for every year after 0.
     *
     * @throws IllegalArgumentException when {@code pattern} is not a pattern
     */
    public static DateTimeFormatter strictPattern(String pattern) {
        StringBuilder proleptic = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            quoted ^= c == '\'';
            proleptic.append(!quoted && c == 'y' && pattern.indexOf('G') < 0 ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
