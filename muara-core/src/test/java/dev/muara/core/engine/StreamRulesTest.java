package dev.muara.core.engine;

import static dev.muara.testkit.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.source.Boundedness;
import dev.muara.core.run.RunStatus;
import dev.muara.testkit.MemorySink;
import dev.muara.testkit.MemorySource;
import dev.muara.testkit.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema policies, load columns, retries and streams a source finds as it plans. */
class StreamRulesTest {

    @TempDir
    Path dir;

    private static final Schema NARROW = Schema.of(new Field("id", DataType.INT64), new Field("qty", DataType.INT32));
    private static final Schema WIDER = Schema.of(new Field("id", DataType.INT64), new Field("qty", DataType.INT64),
            new Field("note", DataType.STRING));

    private EngineFixture twoLoads(String policy) {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).split("a", List.of(Rows.batch(NARROW, List.of(row(1L, 5))))));
        f.run(EngineFixture.pipeline("append", "", "s"));
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).split("b", List.of(Rows.batch(WIDER, List.of(
                row(2L, 6L, null), row(3L, 3_000_000_000L, null), row(4L, 7L, "hello"))))));
        return f;
    }

    private static String tablePolicy(String policy) {
        return "target:\n  type: memory\n  write: append\n  load_columns: false\n  schema_policy: " + policy + "\n";
    }

    private static String pipelineWith(String target) {
        return "name: test\nsource:\n  type: memory\n  streams:\n    s: {}\n" + target;
    }

    @Test
    void freeze_fails_the_run_naming_table_column_and_types() {
        EngineFixture f = twoLoads("freeze");
        var result = f.run(pipelineWith(tablePolicy("freeze")));
        assertThat(result.record().status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().getMessage()).isEqualTo("table s column qty is int32 but the data has int64, and its schema is frozen");
    }

    @Test
    void discard_column_drops_new_columns_and_rejects_values_too_wide() throws Exception {
        EngineFixture f = twoLoads("discard_column");
        var result = f.run(pipelineWith(tablePolicy("discard_column") + "errors: {max_rejects: 5}\n"));
        assertThat(result.record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(f.store.schema("s").names()).doesNotContain("note");
        assertThat(f.store.table("s")).extracting(r -> r.get(0)).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(result.record().rowsRejected()).isEqualTo(1);
        assertThat(Files.readString(Path.of(result.record().deadLetterFile())))
                .contains("column qty: 3000000000 does not fit int32");
    }

    @Test
    void discard_row_rejects_rows_with_values_in_new_columns() {
        EngineFixture f = twoLoads("discard_row");
        var result = f.run(pipelineWith(tablePolicy("discard_row") + "errors: {max_rejects: 5}\n"));
        assertThat(f.store.table("s")).extracting(r -> r.get(0)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(result.record().rowsRejected()).isEqualTo(2);
    }

    @Test
    void loaded_rows_carry_the_load_id_and_time_unless_turned_off() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).numbered("a", 1, 1, 2));
        var result = f.run(EngineFixture.pipeline("append", "", "s"));
        assertThat(f.store.schema("s").names()).containsExactly("id", "_muara_load_id", "_muara_loaded_at");
        assertThat(f.store.table("s")).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(result.record().id()));
    }

    @Test
    void a_transient_fault_is_retried_from_the_last_checkpoint_and_loads_each_row_once() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).numbered("a", 1, 6, 10));
        AtomicInteger sinks = new AtomicInteger();
        f.sinkFactory = (context, store) -> sinks.incrementAndGet() == 1
                ? MemorySink.transactional(context, store).failTransientlyOnCheckpoint(2)
                : MemorySink.transactional(context, store);
        var result = f.run(EngineFixture.pipeline("append", "checkpoint: {rows: 20}\nretry: {attempts: 3, backoff: 10ms}\n", "s"));
        assertThat(result.record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sinks.get()).isEqualTo(2);
        assertThat(f.store.table("s")).extracting(r -> ((Number) r.get(0)).longValue()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList());
    }

    @Test
    void a_retried_run_counts_each_split_once_in_its_summary() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).numbered("a", 1, 3, 10).numbered("b", 31, 3, 10));
        AtomicInteger sinks = new AtomicInteger();
        f.sinkFactory = (context, store) -> sinks.incrementAndGet() == 1
                ? MemorySink.transactional(context, store).failTransientlyOnCheckpoint(2)
                : MemorySink.transactional(context, store);
        var result = f.run(EngineFixture.pipeline("append",
                "parallelism: 1\ncheckpoint: {rows: 20}\nretry: {attempts: 3, backoff: 10ms}\n", "s"));
        assertThat(result.record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sinks.get()).isEqualTo(2);
        var stream = result.record().streams().get(0);
        assertThat(List.of(stream.splits(), stream.splitsFinished(), stream.splitsSkipped())).containsExactly(2, 2, 0);
        assertThat(f.store.table("s")).hasSize(60);
    }

    @Test
    void a_fault_that_is_not_transient_fails_at_once() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).numbered("a", 1, 3, 10));
        AtomicInteger sinks = new AtomicInteger();
        f.sinkFactory = (context, store) -> {
            sinks.incrementAndGet();
            return MemorySink.transactional(context, store).failOnCheckpoint(1);
        };
        var result = f.run(EngineFixture.pipeline("append", "retry: {attempts: 3, backoff: 10ms}\n", "s"));
        assertThat(result.record().status()).isEqualTo(RunStatus.FAILED);
        assertThat(sinks.get()).isEqualTo(1);
    }

    @Test
    void streams_a_source_finds_as_it_plans_get_their_own_tables_and_the_source_key_for_merge() {
        EngineFixture f = new EngineFixture(dir);
        f.discovers = true;
        Schema schema = Schema.of(new Field("code", DataType.STRING), new Field("v", DataType.INT32));
        f.sources.put("db", new MemorySource(Boundedness.BOUNDED)
                .discovered("orders", "orders#0", List.of(Rows.batch(schema, List.of(row("a", 1), row("b", 2)))), "code")
                .discovered("items", "items#0", List.of(Rows.batch(schema, List.of(row("x", 9)))), "code"));
        String yaml = "name: test\nsource:\n  type: memory\n  streams:\n    db: {}\n"
                + "target:\n  type: memory\n  write: merge\n  load_columns: false\n  tables:\n    items: {table: dim_items}\n";
        var first = f.run(yaml);
        assertThat(first.record().status()).as(String.valueOf(first.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.record().streams()).extracting(r -> r.stream() + ">" + r.table()).containsExactly("orders>orders", "items>dim_items");
        assertThat(f.store.table("orders")).containsExactlyInAnyOrder(row("a", 1), row("b", 2));
        assertThat(f.store.table("dim_items")).containsExactly(row("x", 9));
    }
}
