package dev.muara.core.connector;

import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import java.util.function.Consumer;

/**
 * What a split reader is given when it is read outside a run (a sample, a lookup table): no dead-letter store, no
 * commits; a rejected record goes to {@code rejects}.
 */
record OutsideRun(String stream, int batchRows, Consumer<RejectedRecord> rejects) implements ReaderContext {

    @Override
    public void reject(RejectedRecord record) {
        rejects.accept(record);
    }
}
