package dev.muara.core.engine;

import dev.muara.api.sink.StreamTarget;
import dev.muara.core.run.StreamReport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-stream figures of a run; the counters readers touch are atomic, the rest belongs to the writer thread. */
final class StreamStats {

    final String name;
    final StreamTarget target;
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rowsLoaded = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    /** Splits of the run's first plan, and those it skipped; a retry's plan does not count them again. */
    volatile int splits;
    volatile int splitsSkipped;
    /** The ids of the splits read to their end, each once however many attempts read it. */
    final Set<String> finished = ConcurrentHashMap.newKeySet();
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
        return new StreamReport(name, target.table(), target.write().word(), splits, splitsSkipped, finished.size(),
                rowsRead.get() + rejected.get(), rowsLoaded.get(), rejected.get(), bytesRead.get(),
                first == 0 ? 0 : last - first);
    }
}
