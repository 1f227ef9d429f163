package dev.muara.connector.file;

import dev.muara.api.source.PlanContext;
import dev.muara.api.data.Batch;
import dev.muara.api.option.Options;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.Rows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Creates file sources the way the engine does, and reads them whole, for tests. */
final class FileSources {

    final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();
    final List<Batch> batches = new ArrayList<>();
    private final Path base;

    FileSources(Path base) {
        this.base = base;
    }

    /** A file source with {@code options} (key, value, key, value, ...) as the configuration would give them. */
    Source source(Object... options) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            Object value = options[i + 1];
            values.put((String) options[i], value instanceof String s && options[i].equals("path") ? List.of(s) : value);
        }
        return new FileSourceConnector().create(new SourceContext("test", "s", base), Options.of("source 'file'", values));
    }

    ReaderContext context(int batchRows) {
        return new dev.muara.testkit.RecordingReaderContext("s", batchRows, rejected);
    }

    /** Every row of every split, in split order. */
    List<List<Object>> readAll(Source source) throws Exception {
        return readAll(source, 1000);
    }

    List<List<Object>> readAll(Source source, int batchRows) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (Split split : source.plan(PlanContext.FIRST_RUN)) {
            try (SplitReader reader = source.open(split, null, context(batchRows))) {
                for (Batch b; (b = reader.next(Duration.ofSeconds(1))) != null; ) {
                    batches.add(b);
                    rows.addAll(Rows.of(b));
                }
            }
        }
        return rows;
    }

    Batch lastBatch() {
        return batches.get(batches.size() - 1);
    }
}
