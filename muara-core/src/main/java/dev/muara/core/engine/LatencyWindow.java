package dev.muara.core.engine;

import java.util.Arrays;

/**
 * End-to-end latencies of the last minute or so, as a histogram with buckets about 5% wide, so percentiles cost
 * no memory per record. Two halves rotate: the figures cover the current half and the one before it.
 * Thread-safe: the writer records, the progress thread reads.
 */
final class LatencyWindow {

    private static final double GROWTH = 1.05;
    /** Buckets up to about 1.5 days in milliseconds (1.05^600). */
    private static final int BUCKETS = 600;

    private final long halfMillis;
    private long[] current = new long[BUCKETS];
    private long[] previous = new long[BUCKETS];
    private long currentStarted;

    LatencyWindow(long halfMillis) {
        this.halfMillis = halfMillis;
    }

    /** Records one latency observed at {@code nowMillis}. */
    synchronized void record(long latencyMillis, long nowMillis) {
        rotate(nowMillis);
        current[bucket(Math.max(0, latencyMillis))]++;
    }

    /** The latency at or below which {@code fraction} (0.5, 0.99) of recent records fall; -1 when none were recorded. */
    synchronized long percentile(double fraction, long nowMillis) {
        rotate(nowMillis);
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += current[i] + previous[i];
        }
        if (total == 0) {
            return -1;
        }
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += current[i] + previous[i];
            if (seen >= wanted) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    private void rotate(long nowMillis) {
        if (currentStarted == 0) {
            currentStarted = nowMillis;
        }
        long halves = (nowMillis - currentStarted) / halfMillis;
        if (halves >= 1) {
            long[] emptied = previous;
            Arrays.fill(emptied, 0);
            previous = halves == 1 ? current : emptied;
            current = halves == 1 ? emptied : new long[BUCKETS];
            currentStarted += halves * halfMillis;
        }
    }

    static int bucket(long millis) {
        if (millis <= 1) {
            return (int) millis;
        }
        return Math.min(BUCKETS - 1, 1 + (int) Math.ceil(Math.log(millis) / Math.log(GROWTH)));
    }

    /** The largest latency a bucket holds, what a percentile reports (so it never understates). */
    static long upperBound(int bucket) {
        if (bucket <= 1) {
            return bucket;
        }
        return (long) Math.floor(Math.pow(GROWTH, bucket - 1));
    }
}
