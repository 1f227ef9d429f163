package dev.muara.formats.text;

/** Allocation-free checks and parsing of numbers written as text. */
final class Numbers {

    /** Returned by {@link #parseLong} for text that is not an int64. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private Numbers() {
    }

    /**
     * Parses an optionally signed run of digits that fits in an int64 (excluding {@link Long#MIN_VALUE}, which is
     * the failure marker).
     */
    static long parseLong(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return NOT_A_NUMBER;
        }
        int p = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            p = 1;
            if (n == 1) {
                return NOT_A_NUMBER;
            }
        }
        long value = 0;
        for (; p < n; p++) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            int d = c - '0';
            if (value > (Long.MAX_VALUE - d) / 10) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    /** Whether {@code s} is {@code [sign]digits[.digits]}. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int p = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            p = 1;
        }
        int digits = 0;
        boolean point = false;
        for (; p < n; p++) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** Whether {@code s} is a floating point number: decimal digits with an optional exponent. */
    static boolean isFloat(String s) {
        int n = s.length();
        int p = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            p = 1;
        }
        if (s.regionMatches(true, p, "nan", 0, 3) && n == p + 3
                || s.regionMatches(true, p, "inf", 0, 3) && (n == p + 3 || s.regionMatches(true, p, "infinity", 0, 8) && n == p + 8)) {
            return true;
        }
        int mantissa = 0;
        boolean point = false;
        for (; p < n; p++) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                mantissa++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (mantissa == 0) {
            return false;
        }
        if (p == n) {
            return true;
        }
        char e = s.charAt(p);
        if (e != 'e' && e != 'E') {
            return false;
        }
        p++;
        if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
            p++;
        }
        int exponent = 0;
        for (; p < n; p++) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                return false;
            }
            exponent++;
        }
        return exponent > 0;
    }

    /** The value of text {@link #isFloat} accepted, reading {@code nan}, {@code inf} and {@code infinity} too. */
    static double toDouble(String s) {
        String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }
}
