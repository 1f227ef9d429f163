package dev.muara.core.engine;

import dev.muara.api.sink.StreamTarget;
import dev.muara.core.run.StreamReport;
import java.util.concurrent.atomic.AtomicLong;

/** Per-stream figures of a run; the counters readers touch are atomic, the rest belongs to the writer thread. */
final class StreamStats {

    final String name;
    final StreamTarget target;
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rowsLoaded = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    volatile int splits;
    volatile int splitsSkipped;
    volatile int splitsFinished;
    long rowsPending;
    private volatile long first;
    private volatile long last;

    StreamStats(String name, StreamTarget target) {
        this.name = name;
        this.target = target;
    }

    /** Notes that the stream had activity now, for its duration. */
    void seen() {
        long now = System.currentTimeMillis();
        if (first == 0) {
            first = now;
        }
        last = now;
    }

    StreamReport report() {
        return new StreamReport(name, target.table(), target.write().word(), splits, splitsSkipped, splitsFinished,
                rowsRead.get() + rejected.get(), rowsLoaded.get(), rejected.get(), bytesRead.get(),
                first == 0 ? 0 : last - first);
    }
}
