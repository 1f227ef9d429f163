package dev.muara.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command and measures it: wall time from start to exit, and peak memory as the largest sum, over the
 * command's process tree, of each live process's resident-set high-water mark (VmHWM), sampled every 50 ms (finding
 * the tree reads all of /proc, which on two cores would slow the tool measured if done much more often). The
 * high-water mark catches a peak between two samples; a short-lived child that starts and ends between samples is
 * missed, which the suite's commands do not have (their processes live for the whole run), and the root process is
 * sampled every 5 ms, so a short run still has a figure.
 */
final class MeasuredProcess {

    /**
     * One measured run.
     *
     * @param seconds wall time
     * @param peakRssBytes peak resident memory of the process tree
     */
    record Measurement(double seconds, long peakRssBytes) {
    }

    private MeasuredProcess() {
    }

    /** Runs {@code command} in {@code folder} with {@code environment} added; fails with its output when it fails. */
    static Measurement run(List<String> command, Path folder, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        long rootPeak = 0;
        long nextTree = 0;
        while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
            rootPeak = Math.max(rootPeak, highWaterMark(process.pid()));
            if (System.nanoTime() >= nextTree) {
                peak = Math.max(peak, treeHighWaterMark(process.toHandle()));
                nextTree = System.nanoTime() + 50_000_000;
            }
        }
        peak = Math.max(peak, rootPeak);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                    + ":\n" + tail(log));
        }
        return new Measurement(seconds, peak);
    }

    static long treeHighWaterMark(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        long sum = 0;
        for (ProcessHandle process : tree) {
            sum += highWaterMark(process.pid());
        }
        return sum;
    }

    private static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading: it holds no memory any more
        }
        return 0;
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
