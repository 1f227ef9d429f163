package dev.muara.api.sink;

/**
 * A sink that keeps the pipeline state in the target itself, written in the same transaction as the data
 * ({@link SinkWriter#commit}): after a crash the state and the data always agree, so a rerun loads nothing twice
 * and loses nothing. Sinks without this ability get their state kept by the engine in the pipeline's work folder,
 * right after each commit.
 */
public interface SupportsTransactionalState {

    /** Where this sink keeps the state of its pipeline. */
    StateStore stateStore();
}
