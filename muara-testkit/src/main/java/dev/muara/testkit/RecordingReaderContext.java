package dev.muara.testkit;

import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A reader context for tests: a fixed batch size, rejects kept in a list to look at, commit requests noted. */
public final class RecordingReaderContext implements ReaderContext {

    private final String stream;
    private final int batchRows;
    private final List<RejectedRecord> rejected;
    private final AtomicBoolean commitRequested = new AtomicBoolean();

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

    @Override
    public void requestCommit() {
        commitRequested.set(true);
    }

    /** Whether the reader asked for a commit since the last call, as the engine would answer it. */
    public boolean takeCommitRequest() {
        return commitRequested.getAndSet(false);
    }
}
