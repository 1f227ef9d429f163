package dev.muara.api.transform;

import dev.muara.api.data.Batch;
import java.util.List;

/**
 * What a transform may ask of the engine while it maps one batch: the stream the batch belongs to, and a way to turn
 * a row away to the dead-letter store (a value that does not cast, a rule it breaks) while the rest goes on.
 *
 * <p>One context per reader thread; a transform gets the context of the thread that calls it.
 */
public interface TransformContext {

    /** The stream of the batch being transformed. */
    String stream();

    /**
     * Sends row {@code row} of {@code input} to the dead-letter store with {@code reason}, which names the transform and
     * the column ({@code "cast amount: 'abc' is not a decimal(12,2)"}). The transform leaves the row out of the batch
     * it returns. Counts towards {@code errors.max_rejects}, and may fail the run when that is exceeded.
     */
    void reject(Batch input, int row, String reason);

    /**
     * Adds to the run's quality report: data quality rule {@code rule} on {@code column} checked {@code checked} rows
     * of a batch and {@code failed} of them broke it, with a few failing values as text in {@code samples} (the
     * engine keeps the first few of the run, and none of a column marked as personal data). Does nothing unless the
     * engine keeps a report.
     */
    default void quality(String rule, String column, long checked, long failed, List<String> samples) {
    }
}
