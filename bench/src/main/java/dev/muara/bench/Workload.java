package dev.muara.bench;

import java.util.List;

/**
 * One workload: the same job done by Muara and by the references a data engineer would use instead.
 *
 * @param id short name (w1)
 * @param title what moves where
 * @param method how each tool does it, one or two sentences for the report
 * @param rows rows each tool must have loaded (checked after every run, before its time counts)
 * @param inputBytes size of the input, for MB/s
 * @param tools Muara first, then the references
 * @param targets what the issue asks of this workload
 */
record Workload(String id, String title, String method, long rows, long inputBytes, List<Tool> tools,
        List<Target> targets) {

    /** Something to do before a run, untimed: drop the last run's table, write the pipeline file. */
    @FunctionalInterface
    interface Step {
        void run(int run) throws Exception;
    }

    /** Counts the rows a tool loaded, after its run, untimed. */
    @FunctionalInterface
    interface Counter {
        long count() throws Exception;
    }

    /**
     * A tool doing the workload.
     *
     * @param name as shown in the report
     * @param command the command line, run from the workload's folder
     * @param prepare before each run
     * @param counter rows loaded
     */
    record Tool(String name, List<String> command, Step prepare, Counter counter) {
    }

    /**
     * A target: {@code subject}'s throughput at least {@code ratio} times {@code reference}'s, or, with no
     * reference, {@code subject}'s median wall time at most {@code ratio} seconds.
     *
     * @param subject a tool's name
     * @param reference another tool's name, or null for a wall-time bound
     * @param ratio the bound
     * @param text the target as the issue states it
     */
    record Target(String subject, String reference, double ratio, String text) {
    }
}
