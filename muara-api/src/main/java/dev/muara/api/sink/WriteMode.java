package dev.muara.api.sink;

import java.util.Locale;

/** How a stream's rows meet the rows already in its target table. */
public enum WriteMode {
    /** Add the rows. */
    APPEND,
    /** Swap in a new table holding only this run's rows; the old one stays readable until the swap commits. */
    REPLACE,
    /** Upsert on the primary key: a row whose key exists replaces it, the others are added. */
    MERGE;

    /** The word used in configuration. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WriteMode fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
