package dev.muara.core.connector;

import dev.muara.api.data.Batch;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.time.Duration;
import java.util.function.Consumer;

/** The first rows of a split, read for a look (preview) or for their schema (validate); no position is kept. */
public final class SourceSample {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private SourceSample() {
    }

    /** The first batch of at most about {@code rows} rows of {@code split}, or null when it holds none. */
    public static Batch firstBatch(Source source, Split split, String stream, int rows, Consumer<RejectedRecord> rejects)
            throws Exception {
        try (SplitReader reader = source.open(split, null, new OutsideRun(stream, Math.max(rows, 1), rejects))) {
            return reader.next(WAIT);
        }
    }
}
