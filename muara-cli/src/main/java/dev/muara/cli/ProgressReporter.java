package dev.muara.cli;

import dev.muara.core.engine.PipelineRunner;
import dev.muara.core.engine.RunProgress;
import java.util.Locale;

/**
 * Shows a run's progress: on a terminal, a bar redrawn in place (rows, bytes, rows/s, ETA when the input size is
 * known); elsewhere, a log line every 10 seconds. A stream shows rows loaded, its recent rate, end-to-end latency
 * and lag instead.
 */
final class ProgressReporter {

    private static final int WIDTH = 24;

    private final PipelineRunner runner;
    private final boolean bar;
    private final String pipeline;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastLoaded;
    private long lastAt;

    ProgressReporter(PipelineRunner runner, boolean bar, String pipeline) {
        this.runner = runner;
        this.bar = bar;
        this.pipeline = pipeline;
        this.thread = new Thread(this::loop, "muara-progress");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void finish() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bar) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
    }

    private void loop() {
        long interval = bar ? 200 : 10_000;
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            RunProgress p = runner.progress();
            if (p.elapsedMillis() == 0) {
                continue;
            }
            String text = p.continuous() ? streamLine(p, recentRate(p)) : line(p);
            if (bar) {
                System.err.print("\r\033[K" + text);
                System.err.flush();
            } else {
                System.err.println(pipeline + ": " + text);
            }
        }
    }

    /** Rows loaded per second since the previous sample (the whole run for the first). */
    private double recentRate(RunProgress p) {
        long loaded = p.rowsLoaded();
        long at = p.elapsedMillis();
        double rate = at > lastAt ? (loaded - lastLoaded) * 1000.0 / (at - lastAt) : 0;
        lastLoaded = loaded;
        lastAt = at;
        return rate;
    }

    /** A stream's line: rows loaded, the recent rate, latency percentiles and lag where known. */
    static String streamLine(RunProgress p, double rowsPerSecond) {
        StringBuilder out = new StringBuilder();
        out.append(Terminal.count(p.rowsLoaded())).append(" rows loaded, ")
                .append(Terminal.count(Math.round(rowsPerSecond))).append(" rows/s");
        if (p.latencyP50Millis() >= 0) {
            out.append(", latency p50 ").append(Terminal.duration(p.latencyP50Millis()))
                    .append(" p99 ").append(Terminal.duration(p.latencyP99Millis()));
        }
        if (p.lag() >= 0) {
            out.append(", lag ").append(Terminal.count(p.lag()));
        }
        if (p.rowsRejected() > 0) {
            out.append(", ").append(Terminal.count(p.rowsRejected())).append(" rejected");
        }
        return out.toString();
    }

    static String line(RunProgress p) {
        StringBuilder out = new StringBuilder();
        double fraction = p.bytesTotal() > 0 ? Math.min(1.0, (double) p.bytesRead() / p.bytesTotal()) : -1;
        if (fraction >= 0) {
            int filled = (int) Math.round(fraction * WIDTH);
            out.append('[').append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.US, "%3.0f%% ", fraction * 100));
        }
        out.append(Terminal.count(p.rowsRead())).append(" rows");
        if (p.bytesRead() > 0) {
            out.append(", ").append(Terminal.bytes(p.bytesRead()));
        }
        out.append(", ").append(Terminal.rate(p.rowsRead(), p.elapsedMillis())).append(" rows/s");
        if (p.splitsTotal() > 0) {
            out.append(", ").append(p.splitsFinished()).append('/').append(p.splitsTotal()).append(" splits");
        }
        if (p.rowsRejected() > 0) {
            out.append(", ").append(Terminal.count(p.rowsRejected())).append(" rejected");
        }
        if (fraction > 0.01 && fraction < 1) {
            long eta = Math.round(p.elapsedMillis() * (1 - fraction) / fraction);
            out.append(", ETA ").append(Terminal.duration(eta));
        }
        return out.toString();
    }
}
