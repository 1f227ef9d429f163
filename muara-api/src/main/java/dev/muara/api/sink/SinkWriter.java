package dev.muara.api.sink;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import java.util.Optional;

/**
 * Writes batches and commits them. Created by {@link Sink#open}, used by a single engine thread, closed by it.
 *
 * <p>Call order: {@code write} any number of times, then {@code commit}; repeat; {@code abort} instead of
 * {@code commit} when the run fails (everything since the last commit is dropped); {@code close} at the end.
 * Writing is separate from committing: nothing written becomes visible or durable before {@code commit}
 * returns, where the target allows it.
 */
public interface SinkWriter extends AutoCloseable {

    /**
     * Writes a batch of {@code stream}. The batch may carry a column the table lacks (add it) or a wider type
     * (widen the column), as the pipeline's schema policy allows; a narrower type is converted on the way in.
     */
    void write(String stream, Batch batch) throws Exception;

    /**
     * Makes everything written so far durable together with {@code checkpoint}'s state: in one transaction where
     * the target is transactional. Idempotent: committing the same checkpoint twice writes it once.
     */
    CommitResult commit(Checkpoint checkpoint) throws Exception;

    /**
     * The columns {@code stream}'s table has now, including changes made in the open transaction; empty when the
     * table does not exist yet or the sink cannot tell. The engine compares it with each batch to apply the
     * pipeline's schema policy (evolve, freeze, discard a row or a column).
     */
    default Optional<Schema> tableSchema(String stream) throws Exception {
        return Optional.empty();
    }

    /**
     * Takes a stream the run found while loading, after {@link Sink#open}: a child table that a transform derives
     * from a stream's nested arrays ({@code orders__items}). Called on the writer's thread before the first
     * {@link #write} of that stream; from then on the stream is treated as one of {@link WriterContext#streams()}
     * (a replace swaps its table in at the last commit). Default: refuses, for a target that cannot take new streams.
     */
    default void addStream(StreamTarget target) throws Exception {
        throw MuaraException.config("this target cannot take the stream " + target.stream()
                + ", found while loading").withHint("load child tables (transform unnest) into a database target");
    }

    /** Drops everything written since the last commit. */
    void abort() throws Exception;

    @Override
    void close() throws Exception;
}
