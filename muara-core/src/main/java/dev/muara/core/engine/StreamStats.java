package dev.muara.core.engine;

import dev.muara.api.sink.StreamTarget;
import dev.muara.core.run.QualityReport;
import dev.muara.core.run.StreamReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The quality rules' tallies, by rule name, in the order first reported. */
    private final Map<String, QualityTally> quality = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Adds a batch's outcome of a data quality rule. */
    void quality(String rule, long checked, long failed, List<String> samples) {
        quality.computeIfAbsent(rule, r -> new QualityTally()).add(checked, failed, samples);
    }

    private static final class QualityTally {
        private static final int SAMPLES = 5;
        private long checked;
        private long failed;
        private final List<String> samples = new ArrayList<>();

        synchronized void add(long checkedRows, long failedRows, List<String> failing) {
            checked += checkedRows;
            failed += failedRows;
            for (String sample : failing) {
                if (samples.size() < SAMPLES && !samples.contains(sample)) {
                    samples.add(sample);
                }
            }
        }

        synchronized QualityReport report(String rule) {
            return new QualityReport(rule, checked, failed, samples);
        }
    }

    private List<QualityReport> qualityReports() {
        synchronized (quality) {
            return quality.entrySet().stream().map(e -> e.getValue().report(e.getKey())).toList();
        }
    }

    StreamReport report() {
        return new StreamReport(name, target.table(), target.write().word(), splits, splitsSkipped, finished.size(),
                rowsRead.get() + rejected.get(), rowsLoaded.get(), rejected.get(), bytesRead.get(),
                first == 0 ? 0 : last - first, qualityReports());
    }
}
