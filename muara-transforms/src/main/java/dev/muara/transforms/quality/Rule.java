package dev.muara.transforms.quality;

import dev.muara.api.data.Column;

/** One data quality test of a value; a null passes every rule but {@code not_null}. */
interface Rule {

    /** Whether the value at {@code row} breaks the rule. Called by one thread at a time per rule. */
    boolean breaks(Column column, int row);
}
