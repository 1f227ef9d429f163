package dev.muara.core.run;

import java.util.List;

/**
 * One run of a pipeline, as kept in the work folder and listed by {@code muara runs}.
 *
 * @param id the run id, sortable by start time
 * @param pipeline the pipeline name
 * @param started ISO-8601 start time
 * @param ended ISO-8601 end time, or null while running
 * @param status running, succeeded, stopped or failed
 * @param error the error message of a failed run (secrets removed), or null
 * @param checkpoints commits made
 * @param nothingToLoad true when every split was already loaded and unchanged
 * @param deadLetterFile the dead-letter file, when rows were rejected
 * @param streams per-stream figures
 */
public record RunRecord(String id, String pipeline, String started, String ended, RunStatus status, String error,
        long checkpoints, boolean nothingToLoad, String deadLetterFile, List<StreamReport> streams) {

    public RunRecord {
        streams = List.copyOf(streams);
    }

    public long rowsLoaded() {
        return streams.stream().mapToLong(StreamReport::rowsLoaded).sum();
    }

    public long rowsRead() {
        return streams.stream().mapToLong(StreamReport::rowsRead).sum();
    }

    public long rowsRejected() {
        return streams.stream().mapToLong(StreamReport::rowsRejected).sum();
    }
}
