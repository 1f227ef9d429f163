package dev.muara.core.config;

import java.util.Locale;

/** What happens when a batch does not match its table's columns. */
public enum SchemaPolicy {
    /** Add new columns, widen narrower ones. */
    EVOLVE,
    /** Fail the run, naming the table, the column, the old and the new type. */
    FREEZE,
    /** Send rows that do not fit the table (a value in a new column, a value too wide) to the dead-letter store. */
    DISCARD_ROW,
    /** Drop new columns; rows whose values are too wide for their column go to the dead-letter store. */
    DISCARD_COLUMN;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SchemaPolicy fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
