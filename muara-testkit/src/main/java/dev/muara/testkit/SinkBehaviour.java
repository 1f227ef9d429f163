package dev.muara.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.SupportsTransactionalState;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every sink must show. A connector's test extends this class, says how to create its sink over
 * a fresh target and how to read a committed table back; the tests then check values of every type and nulls
 * round-trip, uncommitted rows vanish on abort, a checkpoint committed twice is written once, state is stored
 * with the data, and (where supported) merge upserts, replace swaps and schemas evolve.
 */
public abstract class SinkBehaviour {

    /** A sink over a fresh, empty target for {@code context}; {@code perStream} are the options of each stream. */
    protected abstract Sink createSink(SinkContext context);

    /** The per-stream target options the sink reads, as a stream without overrides has them. */
    protected Options streamOptions() {
        return Options.of("target", Map.of());
    }

    /**
     * The committed rows of {@code table}, each holding the columns of {@code columns} in order, as the plain Java
     * values {@link dev.muara.api.data.Column#getObject} gives for each column's type (a target may store a type
     * in a wider one; read it back as the type asked for).
     */
    protected abstract List<List<Object>> read(String table, Schema columns) throws Exception;

    /** The write modes the sink supports. */
    protected abstract Set<WriteMode> writeModes();

    private static final SinkContext CONTEXT = new SinkContext("behaviour", null);

    private WriterContext run(String id, boolean resuming, WriteMode write, String... key) {
        return new WriterContext(id, resuming, List.of(new StreamTarget("s", "t", write, List.of(key), streamOptions())));
    }

    @Test
    public void every_type_and_null_round_trips() throws Exception {
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
            writer.write("s", Rows.batch(AllTypes.SCHEMA, AllTypes.rows()));
            assertThat(writer.commit(new Checkpoint(1, "{}", true))).isEqualTo(CommitResult.COMMITTED);
        }
        assertRowsEqual(sorted(read("t", AllTypes.SCHEMA)), AllTypes.rows());
    }

    @Test
    public void an_empty_batch_loads_nothing() throws Exception {
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
            writer.write("s", Rows.batch(AllTypes.SCHEMA, List.of()));
            writer.commit(new Checkpoint(1, "{}", true));
        }
        assertThat(read("t", Schema.of(new Field("id", DataType.INT64)))).isEmpty();
    }

    @Test
    public void rows_written_but_not_committed_are_dropped_by_abort() throws Exception {
        Schema schema = Schema.of(new Field("id", DataType.INT64));
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row(1L))));
            writer.commit(new Checkpoint(1, "{}", false));
            writer.write("s", Rows.batch(schema, List.of(Rows.row(2L))));
            writer.abort();
        }
        assertThat(read("t", Schema.of(new Field("id", DataType.INT64)))).containsExactly(Rows.row(1L));
    }

    @Test
    public void a_checkpoint_committed_twice_is_written_once() throws Exception {
        Schema schema = Schema.of(new Field("id", DataType.INT64));
        try (Sink sink = createSink(CONTEXT)) {
            assumeTrue(sink instanceof SupportsTransactionalState, "only a sink that keeps the state can tell");
            try (SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
                writer.write("s", Rows.batch(schema, List.of(Rows.row(1L))));
                assertThat(writer.commit(new Checkpoint(1, "{\"n\":1}", false))).isEqualTo(CommitResult.COMMITTED);
                writer.write("s", Rows.batch(schema, List.of(Rows.row(1L))));
                assertThat(writer.commit(new Checkpoint(1, "{\"n\":1}", false))).isEqualTo(CommitResult.ALREADY_COMMITTED);
            }
        }
        assertThat(read("t", Schema.of(new Field("id", DataType.INT64)))).containsExactly(Rows.row(1L));
    }

    @Test
    public void the_state_is_committed_with_the_data() throws Exception {
        Schema schema = Schema.of(new Field("id", DataType.INT64));
        try (Sink sink = createSink(CONTEXT)) {
            assumeTrue(sink instanceof SupportsTransactionalState, "the sink does not keep the state");
            var store = ((SupportsTransactionalState) sink).stateStore();
            try (SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
                writer.write("s", Rows.batch(schema, List.of(Rows.row(1L))));
                writer.commit(new Checkpoint(1, "{\"at\":1}", false));
                writer.write("s", Rows.batch(schema, List.of(Rows.row(2L))));
                writer.abort();
            }
            assertThat(store.load()).contains("{\"at\":1}");
            store.reset();
            assertThat(store.load()).isEmpty();
        }
    }

    @Test
    public void merge_upserts_on_the_primary_key_and_the_last_version_wins() throws Exception {
        assumeTrue(writeModes().contains(WriteMode.MERGE), "merge is not supported");
        Schema schema = Schema.of(new Field("id", DataType.INT64), new Field("v", DataType.STRING));
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r1", false, WriteMode.MERGE, "id"))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row(1L, "a"), Rows.row(2L, "b"))));
            writer.commit(new Checkpoint(1, "{}", false));
            writer.write("s", Rows.batch(schema, List.of(Rows.row(2L, "b2"), Rows.row(3L, "c"), Rows.row(3L, "c2"))));
            writer.commit(new Checkpoint(2, "{}", true));
        }
        assertThat(sorted(read("t", Schema.of(new Field("id", DataType.INT64), new Field("v", DataType.STRING))))).containsExactly(Rows.row(1L, "a"), Rows.row(2L, "b2"), Rows.row(3L, "c2"));
    }

    @Test
    public void replace_keeps_the_old_rows_until_the_last_commit() throws Exception {
        assumeTrue(writeModes().contains(WriteMode.REPLACE), "replace is not supported");
        Schema schema = Schema.of(new Field("id", DataType.INT64));
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row(1L), Rows.row(2L))));
            writer.commit(new Checkpoint(1, "{}", true));
        }
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r2", false, WriteMode.REPLACE))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row(7L))));
            writer.commit(new Checkpoint(2, "{}", false));
        }
        assertThat(sorted(read("t", Schema.of(new Field("id", DataType.INT64))))).containsExactly(Rows.row(1L), Rows.row(2L));
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r3", true, WriteMode.REPLACE))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row(8L))));
            writer.commit(new Checkpoint(3, "{}", true));
        }
        assertThat(sorted(read("t", Schema.of(new Field("id", DataType.INT64))))).containsExactly(Rows.row(7L), Rows.row(8L));
    }

    @Test
    public void a_new_column_is_added_and_a_wider_type_widens_the_column() throws Exception {
        Schema first = Schema.of(new Field("id", DataType.INT32));
        Schema second = Schema.of(new Field("id", DataType.INT64), new Field("extra", DataType.STRING));
        try (Sink sink = createSink(CONTEXT); SinkWriter writer = sink.open(run("r1", false, WriteMode.APPEND))) {
            writer.write("s", Rows.batch(first, List.of(Rows.row(1))));
            writer.commit(new Checkpoint(1, "{}", false));
            writer.write("s", Rows.batch(second, List.of(Rows.row(5_000_000_000L, "x"))));
            writer.commit(new Checkpoint(2, "{}", true));
        }
        assertThat(sorted(read("t", Schema.of(new Field("id", DataType.INT64), new Field("extra", DataType.STRING)))))
                .containsExactly(Rows.row(1L, null), Rows.row(5_000_000_000L, "x"));
    }

    /** Rows sorted by their first value, for comparisons that must not depend on storage order. */
    protected static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparingLong(r -> ((Number) r.get(0)).longValue()));
        return copy;
    }

    private static boolean integral(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    /** Compares rows value by value, byte arrays by content, integers by value whatever their width. */
    public static void assertRowsEqual(List<List<Object>> actual, List<List<Object>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                Object e = expected.get(r).get(c);
                Object a = actual.get(r).get(c);
                if (e instanceof byte[] bytes) {
                    assertThat((byte[]) a).as("row %d column %d", r, c).containsExactly(bytes);
                } else if (integral(e) && integral(a)) {
                    // a target may keep an int32 in a wider integer column: the value is what counts
                    assertThat(((Number) a).longValue()).as("row %d column %d", r, c).isEqualTo(((Number) e).longValue());
                } else {
                    assertThat(a).as("row %d column %d", r, c).isEqualTo(e);
                }
            }
        }
    }
}
