package dev.muara.core.engine;

import dev.muara.api.source.Split;

/**
 * A split to read in this run, with where to start.
 *
 * @param stream the stream it feeds
 * @param split the split
 * @param start the position to resume from, or null for the split's start
 */
record WorkItem(String stream, Split split, String start) {

    /** Unique within a run. */
    String key() {
        return stream + "\u0000" + split.id();
    }
}
