package dev.muara.api.source;

/** What the engine offers a {@link SplitReader} while it reads. Implementations are thread-safe. */
public interface ReaderContext {

    /** The stream (target table) this reader feeds. */
    String stream();

    /** How many rows a batch should hold; readers may return fewer, and should not return many more. */
    int batchRows();

    /**
     * Sends a bad record to the dead-letter store and counts it. The engine fails the run once the pipeline's
     * reject limit is passed; the reader just carries on with the next record.
     */
    void reject(RejectedRecord record);

    /**
     * Asks for a commit soon, sooner than the checkpoint interval: an unbounded reader whose upstream sends no more
     * until it acknowledges (an MQTT in-flight window, a full AMQP prefetch, waiting HTTP clients) calls it so the
     * rows it holds are committed and it can acknowledge them. Call it from {@code next} each time nothing new has
     * arrived while records are unacknowledged; it does nothing when no rows wait for a commit.
     */
    default void requestCommit() {
    }
}
