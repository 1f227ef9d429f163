package dev.muara.connector.jdbc;

import java.util.List;

/**
 * How to read one split: which rows of which table or query, in which order.
 *
 * @param stream the stream the rows belong to
 * @param id the split id, stable from run to run ({@code public.orders}, {@code public.orders@["1","5001"]})
 * @param from the FROM clause: a qualified table, or {@code (query) q}
 * @param columns the columns read, in select order
 * @param order the columns rows are read in order of (a key, or cursor then key); resuming continues after the
 *     last values read; empty when nothing orders the rows, which then resume by row count
 * @param range the partition range of this split, or null
 * @param cursor the cursor column of an incremental load, or null for a full load
 * @param lookback how far behind the last cursor value to read again, as written in the options, or null
 * @param fingerprint what the engine compares between runs: a change of mode or order reads the split afresh
 */
record TableSplit(String stream, String id, String from, List<ColumnInfo> columns, List<String> order, Range range,
        String cursor, String lookback, String fingerprint) {

    /**
     * A range of a partition column: {@code lower <= column < upper}; a null bound is open, and the last range
     * also takes the rows whose column is null.
     */
    record Range(String column, String lower, String upper, boolean withNulls) {
    }

    ColumnInfo column(String name) {
        for (ColumnInfo c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
