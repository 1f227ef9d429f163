package dev.muara.api.source;

import dev.muara.api.data.Batch;
import java.time.Duration;

/**
 * Reads one {@link Split} into batches. Created by {@link Source#open}, used by one engine thread from start to
 * close, then closed by that thread.
 *
 * <p>Call order: {@code next} until it returns null (bounded) or until the engine stops the run, reading
 * {@link #position()} after each batch; {@link #committed} whenever a checkpoint that includes this split's data
 * commits; finally {@link #close()}.
 */
public interface SplitReader extends AutoCloseable {

    /**
     * The next batch. A bounded reader returns null at the end of its split. An unbounded reader waits at most
     * {@code maxWait} for data and may then return an empty batch, so the engine can commit and look for a stop
     * request.
     *
     * @throws dev.muara.api.error.MuaraException when the split cannot be read on; a single bad record is
     *     {@linkplain ReaderContext#reject rejected} instead
     */
    Batch next(Duration maxWait) throws Exception;

    /**
     * Where this split stands after the last batch returned, in the source's own encoding (a byte offset and
     * line, an offset, a cursor value). {@link Source#open} accepts it back to resume right after that batch.
     * After the end of a split that is not {@linkplain #isFinal() final}, null means the next run reads the split
     * from its start again (a full load), and a value means it goes on from there (an incremental load).
     */
    String position();

    /** Source bytes consumed so far (compressed bytes for a compressed file), for progress. */
    long bytesRead();

    /**
     * Whether a split that reached its end is finished for good (a file: read again only if its fingerprint
     * changes), or should be read on from its last position by the next run (a table read by a cursor column).
     */
    default boolean isFinal() {
        return true;
    }

    /**
     * Everything up to {@code position} is now committed in the target: a reader of a broker acknowledges or
     * commits offsets here, never earlier. Called on the reader's thread between two {@link #next} calls.
     */
    default void committed(String position) {
    }

    /**
     * Records the source holds beyond this reader's position (a Kafka partition's end offset minus the position),
     * for the live lag figure; -1 when the source cannot tell. Called on the reader's thread after {@link #next}.
     */
    default long lag() {
        return -1;
    }

    @Override
    void close() throws Exception;
}
