package dev.muara.formats.text;

import dev.muara.api.data.DataType;

/**
 * Infers a column type from sample values written as text: the narrowest of boolean, int32, int64, decimal,
 * float64, date, timestamp, timestamptz, time that every value fits, else string.
 *
 * <p>Numbers with a leading zero ({@code 007}, {@code 01234}) are codes, not numbers, and keep the column a
 * string. Inferred decimals get precision 18 (or 38 when needed), so that later values with a few more digits
 * do not force the target column to change. Date layouts are inferred too (see {@link DateOrder}).
 */
public final class TypeInference {

    private static final int DECIMAL_FAST_PRECISION = 18;

    private boolean any;
    private boolean bool = true;
    private boolean integer = true;
    private boolean fitsInt32 = true;
    private boolean decimal = true;
    private int integerDigits;
    private int scale;
    private boolean floating = true;
    private int dateLayouts = DateOrder.ALL;
    private int timestampLayouts = DateOrder.ALL;
    private boolean zoned;
    private boolean unzoned;
    private boolean time = true;

    /** Takes one non-null value into account. */
    public void observe(String value) {
        any = true;
        if (bool) {
            bool = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        }
        if (integer || decimal || floating) {
            observeNumber(value);
        }
        if (dateLayouts != 0) {
            for (DateOrder layout : DateOrder.values()) {
                if ((dateLayouts & layout.bit()) != 0 && Temporal.date(value, layout) == Temporal.INVALID) {
                    dateLayouts &= ~layout.bit();
                }
            }
        }
        if (timestampLayouts != 0) {
            for (DateOrder layout : DateOrder.values()) {
                if ((timestampLayouts & layout.bit()) != 0) {
                    Temporal.Stamp stamp = Temporal.parseTimestamp(value, layout);
                    if (stamp == null) {
                        timestampLayouts &= ~layout.bit();
                    } else if (stamp.zoned()) {
                        zoned = true;
                    } else {
                        unzoned = true;
                    }
                }
            }
        }
        if (time) {
            time = Temporal.time(value) >= 0;
        }
    }

    private void observeNumber(String value) {
        int n = value.length();
        int p = n > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
        if (p + 1 < n && value.charAt(p) == '0' && value.charAt(p + 1) >= '0' && value.charAt(p + 1) <= '9') {
            integer = decimal = floating = false;
            return;
        }
        if (integer) {
            long v = Numbers.parseLong(value);
            if (v == Numbers.NOT_A_NUMBER) {
                integer = false;
            } else if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                fitsInt32 = false;
            }
        }
        if (decimal) {
            if (Numbers.isDecimal(value)) {
                int point = value.indexOf('.');
                int intDigits = (point < 0 ? n : point) - p;
                int fraction = point < 0 ? 0 : n - point - 1;
                integerDigits = Math.max(integerDigits, intDigits);
                scale = Math.max(scale, fraction);
                if (integerDigits + scale > DataType.MAX_DECIMAL_PRECISION) {
                    decimal = false;
                }
            } else {
                decimal = false;
            }
        }
        if (floating) {
            floating = Numbers.isFloat(value);
        }
    }

    /** Whether any value was observed. */
    public boolean sawValues() {
        return any;
    }

    /** The converter for the inferred type; string when nothing narrower fits or nothing was observed. */
    public TextConverter result() {
        if (!any) {
            return TextConverter.inferred(DataType.STRING, null);
        }
        if (bool) {
            return TextConverter.inferred(DataType.BOOLEAN, null);
        }
        if (integer) {
            return TextConverter.inferred(fitsInt32 ? DataType.INT32 : DataType.INT64, null);
        }
        if (decimal) {
            int digits = Math.max(integerDigits + scale, 1);
            int precision = digits <= DECIMAL_FAST_PRECISION ? DECIMAL_FAST_PRECISION : DataType.MAX_DECIMAL_PRECISION;
            return TextConverter.inferred(DataType.decimal(precision, scale), null);
        }
        if (floating) {
            return TextConverter.inferred(DataType.FLOAT64, null);
        }
        if (dateLayouts != 0) {
            return TextConverter.inferred(DataType.DATE, first(dateLayouts));
        }
        if (timestampLayouts != 0 && !(zoned && unzoned)) {
            return TextConverter.inferred(zoned ? DataType.TIMESTAMP_TZ : DataType.TIMESTAMP, first(timestampLayouts));
        }
        if (time) {
            return TextConverter.inferred(DataType.TIME, null);
        }
        return TextConverter.inferred(DataType.STRING, null);
    }

    private static DateOrder first(int mask) {
        return DateOrder.values()[Integer.numberOfTrailingZeros(mask)];
    }

    /** The type of a single value, as inference alone would find it. */
    public static TextConverter of(String value) {
        TypeInference inference = new TypeInference();
        inference.observe(value);
        return inference.result();
    }

    /**
     * The converter for values of both {@code current} and {@code other}: their {@linkplain DataType#widen
     * widened} type, reading dates in the common layout (string when the layouts differ).
     */
    public static TextConverter widen(TextConverter current, TextConverter other) {
        DataType wider = DataType.widen(current.type(), other.type());
        DateOrder layout = current.layout();
        boolean temporal = wider.kind() == dev.muara.api.data.TypeKind.DATE
                || wider.kind() == dev.muara.api.data.TypeKind.TIMESTAMP
                || wider.kind() == dev.muara.api.data.TypeKind.TIMESTAMP_TZ;
        if (temporal && (layout == null || other.layout() != layout)) {
            return TextConverter.inferred(DataType.STRING, null);
        }
        if (wider.kind() == dev.muara.api.data.TypeKind.DECIMAL && wider.precision() < DECIMAL_FAST_PRECISION) {
            wider = DataType.decimal(DECIMAL_FAST_PRECISION, wider.scale());
        }
        return TextConverter.inferred(wider, temporal ? layout : null);
    }
}
