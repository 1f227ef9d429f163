package dev.muara.core.engine;

/** Hears about a run as it goes. Called on the engine's writer thread: return quickly. */
public interface RunListener {

    /** Splits are planned: {@code splits} to read of {@code total}, {@code bytes} expected (-1 unknown). */
    default void planned(int splits, int total, long bytes) {
    }

    /** A checkpoint committed. */
    default void committed(long checkpoint, long rowsLoaded) {
    }

    /** Nothing listens. */
    RunListener NONE = new RunListener() {
    };
}
