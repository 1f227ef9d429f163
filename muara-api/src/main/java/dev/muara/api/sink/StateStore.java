package dev.muara.api.sink;

import java.util.Optional;

/** The committed state of one pipeline, as opaque JSON text. */
public interface StateStore {

    /** The last committed state, if any. */
    Optional<String> load() throws Exception;

    /** Forgets the state: the next run starts from scratch. */
    void reset() throws Exception;
}
