package dev.muara.api.transform;

import dev.muara.api.data.Batch;
import java.util.List;

/**
 * What a transform may ask of the engine while it maps one batch: the stream the batch belongs to, a way to turn
 * a row away to the dead-letter store (a value that does not cast, a rule it breaks) while the rest goes on, and a way
 * to send rows to a child stream of its own ({@link #emit}).
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

    /**
     * Identifies the batch being transformed among all the batches of the pipeline, and is the same when a resumed
     * run reads the same rows again (after a crash): built from the split and the reader's position before the batch.
     * With a row's index in the batch it makes a row key that does not change on a re-read, as
     * {@code _muara_id} needs. Default: the stream's name, which identifies nothing (a context that only looks).
     */
    default String batchOrigin() {
        return stream();
    }

    /** The columns that identify a row of the stream when it is merged ({@code write: merge}); empty otherwise. */
    default List<String> mergeKey() {
        return List.of();
    }

    /**
     * Sends {@code rows} to the child stream {@code childStream}, which must be named {@code <stream>__<suffix>} (a
     * grandchild {@code <stream>__<suffix>__<suffix2>}): the engine writes them to the table
     * {@code <table>__<suffix>}, with the stream's write mode and settings, in the same checkpoint (the same
     * transaction) as the batch this call belongs to, right after it. Under {@code write: merge} a child table's key
     * is {@code _muara_parent_id, _muara_list_index}, which the rows must carry. Child tables evolve their columns as
     * any table does. Call it from {@link Transform#apply} only, for rows derived from rows the transform keeps.
     *
     * @throws UnsupportedOperationException in a context that writes nothing (the default)
     */
    default void emit(String childStream, Batch rows) {
        throw new UnsupportedOperationException("rows for " + childStream + " cannot be written here");
    }
}
