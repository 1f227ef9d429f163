package dev.muara.core.engine;

import dev.muara.api.data.Batch;
import java.util.List;

/** What travels on the queue from the readers to the writer. */
sealed interface Envelope {

    /**
     * A batch (after transforms), the rows read for it, where its split stands after it, the event times of its
     * rows in epoch microseconds (null when the source has none), for the latency figures, and the rows the
     * transforms sent to child streams, written after the batch in the same checkpoint.
     */
    record Data(WorkItem item, Batch batch, int rowsRead, String position, long bytesDelta, long[] eventTimes,
            List<ChildRows> children) implements Envelope {
    }

    /** Rows a transform emitted for a child stream of the batch's stream. */
    record ChildRows(String stream, Batch batch) {
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
