package dev.muara.core.engine;

import dev.muara.api.data.Batch;

/** What travels on the queue from the readers to the writer. */
sealed interface Envelope {

    /**
     * A batch (after transforms), the rows read for it, where its split stands after it, and the event times of
     * its rows in epoch microseconds (null when the source has none), for the latency figures.
     */
    record Data(WorkItem item, Batch batch, int rowsRead, String position, long bytesDelta, long[] eventTimes)
            implements Envelope {
    }

    /** A split read to its end. */
    record SplitEnd(WorkItem item, String position, boolean isFinal, long bytesDelta) implements Envelope {
    }

    /** A split left unfinished because the run is stopping. */
    record Stopped(WorkItem item) implements Envelope {
    }

    /** A reader thread has no more work. */
    record ReaderExit() implements Envelope {
    }
}
