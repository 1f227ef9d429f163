package dev.muara.api.source;

import java.util.List;

/**
 * What a source may know of earlier runs when it plans.
 *
 * <p>A run that resumes one cut short (a crash, a kill) must read the same splits the cut-short run planned, or
 * the positions it committed would no longer fit: a source whose splits depend on the data (key ranges computed
 * from the smallest and largest key) plans the previous splits again when {@link #resuming()} is true.
 */
public interface PlanContext {

    /** Whether this run continues one that stopped before its last commit. */
    boolean resuming();

    /** The ids of the splits of {@code stream} in the committed state, in the order they were planned. */
    List<String> previousSplits(String stream);

    /** A context for a first run: nothing before it. */
    PlanContext FIRST_RUN = new PlanContext() {
        @Override
        public boolean resuming() {
            return false;
        }

        @Override
        public List<String> previousSplits(String stream) {
            return List.of();
        }
    };
}
