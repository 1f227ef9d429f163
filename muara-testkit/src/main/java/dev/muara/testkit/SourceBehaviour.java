package dev.muara.testkit;

import dev.muara.api.source.PlanContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every bounded source must show. A connector's test extends this class and says how to make a
 * source holding given rows (written in its own format: a file, a table); the tests then check that the rows come
 * back with their types and nulls, that empty input gives nothing, and that resuming from any position a reader
 * reported gives exactly the rows after it: nothing lost, nothing twice.
 */
public abstract class SourceBehaviour {

    /** A source whose single split holds {@code rows} of {@code schema}, types given explicitly, not inferred. */
    protected abstract Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception;

    /** Rejects seen by the readers of the last test. */
    protected final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();

    protected ReaderContext context(int batchRows) {
        return new RecordingReaderContext("s", batchRows, rejected);
    }

    /** Reads every row of every split, {@code batchRows} at a time. */
    protected List<List<Object>> readAll(Source source, int batchRows) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (Split split : source.plan(PlanContext.FIRST_RUN)) {
            try (SplitReader reader = source.open(split, null, context(batchRows))) {
                for (Batch b; (b = reader.next(Duration.ofSeconds(1))) != null; ) {
                    rows.addAll(Rows.of(b));
                }
            }
        }
        return rows;
    }

    /** The rows of every type the suite reads back; a source whose system cannot hold an edge value narrows it. */
    protected List<List<Object>> allTypeRows() {
        return AllTypes.rows();
    }

    @Test
    public void every_type_and_null_comes_back() throws Exception {
        Source source = sourceWith(AllTypes.SCHEMA, allTypeRows());
        SinkBehaviour.assertRowsEqual(readAll(source, 1000), allTypeRows());
        assertThat(rejected).isEmpty();
    }

    @Test
    public void empty_input_gives_no_rows() throws Exception {
        assertThat(readAll(sourceWith(AllTypes.SCHEMA, List.of()), 1000)).isEmpty();
    }

    @Test
    public void resuming_from_any_reported_position_gives_exactly_the_remaining_rows() throws Exception {
        Schema schema = Schema.of(new dev.muara.api.data.Field("id", dev.muara.api.data.DataType.INT64),
                new dev.muara.api.data.Field("text", dev.muara.api.data.DataType.STRING));
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            rows.add(Rows.row(i, i % 7 == 0 ? null : "row " + i + (i % 5 == 0 ? ",\nwith a line break" : "")));
        }
        Source source = sourceWith(schema, rows);
        Split split = source.plan(PlanContext.FIRST_RUN).get(0);
        List<String> positions = new ArrayList<>();
        List<Integer> rowsBefore = new ArrayList<>();
        int seen = 0;
        try (SplitReader reader = source.open(split, null, context(7))) {
            for (Batch b; (b = reader.next(Duration.ofSeconds(1))) != null; ) {
                seen += b.rowCount();
                positions.add(reader.position());
                rowsBefore.add(seen);
            }
        }
        assertThat(seen).isEqualTo(50);
        for (int p = 0; p < positions.size(); p++) {
            List<List<Object>> rest = new ArrayList<>();
            try (SplitReader reader = source.open(split, positions.get(p), context(7))) {
                for (Batch b; (b = reader.next(Duration.ofSeconds(1))) != null; ) {
                    rest.addAll(Rows.of(b));
                }
            }
            assertThat(rest).as("resumed at %s", positions.get(p)).isEqualTo(rows.subList(rowsBefore.get(p), 50));
        }
    }
}
