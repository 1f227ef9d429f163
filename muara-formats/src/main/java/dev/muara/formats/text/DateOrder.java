package dev.muara.formats.text;

/**
 * The date layouts Muara recognises without being told: ISO first, then the common national ones. Inference
 * keeps only the layouts every sampled value fits and takes the first, so {@code 03/04/2024} alone reads as
 * month/day (US) unless a value like {@code 25/04/2024} rules that out.
 */
public enum DateOrder {
    /** 2024-03-31 */
    ISO('-', 0),
    /** 2024/03/31 */
    YMD_SLASH('/', 0),
    /** 31.03.2024 */
    DMY_DOT('.', 2),
    /** 03/31/2024 */
    MDY_SLASH('/', 1),
    /** 31/03/2024 */
    DMY_SLASH('/', 2),
    /** 31-03-2024 */
    DMY_DASH('-', 2);

    final char separator;
    /** 0: year-month-day, 1: month-day-year, 2: day-month-year. */
    final int order;

    DateOrder(char separator, int order) {
        this.separator = separator;
        this.order = order;
    }

    /** A bit per layout, for masks. */
    int bit() {
        return 1 << ordinal();
    }

    static final int ALL = (1 << values().length) - 1;
}
