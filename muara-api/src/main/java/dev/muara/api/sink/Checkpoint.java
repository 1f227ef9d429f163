package dev.muara.api.sink;

/**
 * A commit point: everything written since the previous checkpoint, together with the pipeline state that
 * describes it (split positions, the finished splits, the run).
 *
 * @param id increases with every checkpoint of a pipeline, across runs; a sink that sees an id it has already
 *     committed answers {@link CommitResult#ALREADY_COMMITTED} and writes nothing
 * @param state the pipeline state as JSON text, to be stored in the same transaction as the data where the sink
 *     is transactional; opaque to the sink
 * @param last true for the final checkpoint of a bounded run: a replace swaps its tables now
 */
public record Checkpoint(long id, String state, boolean last) {
}
