package dev.muara.testkit;

import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import java.util.List;

/** A reader context for tests: a fixed batch size, and rejects kept in a list to look at. */
public final class RecordingReaderContext implements ReaderContext {

    private final String stream;
    private final int batchRows;
    private final List<RejectedRecord> rejected;

    /** Collects the rejects into {@code rejected}, which must be safe to add to from several threads. */
    public RecordingReaderContext(String stream, int batchRows, List<RejectedRecord> rejected) {
        this.stream = stream;
        this.batchRows = batchRows;
        this.rejected = rejected;
    }

    @Override
    public String stream() {
        return stream;
    }

    @Override
    public int batchRows() {
        return batchRows;
    }

    @Override
    public void reject(RejectedRecord record) {
        rejected.add(record);
    }
}
