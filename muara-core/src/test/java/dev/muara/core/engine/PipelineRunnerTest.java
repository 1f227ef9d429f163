package dev.muara.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.RejectedRecord;
import dev.muara.core.run.RunStatus;
import dev.muara.core.run.RunStore;
import dev.muara.testkit.MemorySink;
import dev.muara.testkit.MemorySource;
import dev.muara.testkit.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunnerTest {

    @TempDir
    Path dir;

    private static List<Long> ids(List<List<Object>> rows) {
        return EngineFixture.ids(rows);
    }

    private static List<Long> range(long from, long to) {
        return EngineFixture.range(from, to);
    }

    private static MemorySource numbered(int splits, int batches, int rows) {
        MemorySource source = new MemorySource(Boundedness.BOUNDED);
        long next = 1;
        for (int s = 0; s < splits; s++) {
            source.numbered("split-" + s, next, batches, rows);
            next += (long) batches * rows;
        }
        return source;
    }

    @Test
    void parallel_reading_loads_the_same_rows_as_serial_reading() {
        EngineFixture serial = new EngineFixture(dir.resolve("serial"));
        serial.sources.put("s", numbered(20, 5, 100));
        assertThat(serial.run(EngineFixture.pipeline("append", "parallelism: 1\n", "s")).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        EngineFixture parallel = new EngineFixture(dir.resolve("parallel"));
        MemorySource source = numbered(20, 5, 100).delay(Duration.ofMillis(2));
        parallel.sources.put("s", source);
        var result = parallel.run(EngineFixture.pipeline("append", "parallelism: 4\n", "s"));
        assertThat(result.record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(parallel.store.table("s"))).isEqualTo(ids(serial.store.table("s"))).isEqualTo(range(1, 10_000));
        assertThat(source.maxOpenReaders.get()).isEqualTo(4);
        assertThat(result.record().streams().get(0).rowsLoaded()).isEqualTo(10_000);
        assertThat(result.record().streams().get(0).splitsFinished()).isEqualTo(20);
    }

    @Test
    void a_slow_target_slows_the_readers_instead_of_filling_memory() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        MemorySource source = numbered(4, 50, 10);
        f.sources.put("s", source);
        f.sinkFactory = (context, store) -> MemorySink.transactional(context, store).delay(Duration.ofMillis(3));
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append", "parallelism: 2\n", "s"));
        AtomicLong widestGap = new AtomicLong();
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        while (!run.isDone()) {
            if (!f.sinks.isEmpty()) {
                long gap = source.batchesRead.get() - f.sinks.get(0).batchesWritten.get();
                widestGap.accumulateAndGet(gap, Math::max);
            }
            Thread.sleep(1);
        }
        assertThat(run.get(30, TimeUnit.SECONDS).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        // queue of 2 x parallelism batches, one batch in each reader's hand, one in the writer's
        assertThat(widestGap.get()).isLessThanOrEqualTo(2 * 2 + 2 + 1);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 2000));
    }

    @Test
    void checkpoints_commit_every_n_rows_and_at_the_end() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 10, 100));
        var result = f.run(EngineFixture.pipeline("append", "checkpoint: {rows: 250, interval: 1h}\n", "s"));
        // after 300, 600 and 900 rows, then the rest at the end
        assertThat(f.store.checkpoints()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(result.record().checkpoints()).isEqualTo(4);
    }

    @Test
    void an_unbounded_source_commits_by_time_and_a_stop_commits_and_acknowledges() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        MemorySource stream = new MemorySource(Boundedness.UNBOUNDED).numbered("partition-0", 1, 3, 10);
        f.sources.put("s", stream);
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append", "checkpoint: {rows: 1000000, interval: 100ms}\n", "s"));
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        long deadline = System.currentTimeMillis() + 10_000;
        while (f.store.table("s").size() < 30 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(f.store.table("s")).hasSize(30);
        assertThat(run).isNotDone();
        runner.stop();
        RunResult result = run.get(10, TimeUnit.SECONDS);
        assertThat(result.record().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(result.unbounded()).isTrue();
        assertThat(stream.committed).contains("partition-0@3");
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 30));
    }

    @Test
    void a_failed_read_commits_nothing_past_the_last_checkpoint_and_the_rerun_loads_each_row_once() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 10, 100).failAt("split-0", 7));
        String yaml = EngineFixture.pipeline("append", "checkpoint: {rows: 200, interval: 1h}\n", "s");
        var failed = f.run(yaml);
        assertThat(failed.record().status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error().getMessage()).contains("planned failure at batch 7");
        // only whole checkpoints, all before the failure: the rows of the open transaction are gone
        int committed = f.store.table("s").size();
        assertThat(committed % 200).isZero();
        assertThat(committed).isLessThanOrEqualTo(600);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, committed));
        f.sources.put("s", numbered(1, 10, 100));
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 1000));
    }

    @Test
    void a_resumed_run_skips_the_full_load_splits_it_finished_and_a_new_run_reads_them_again() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(2, 4, 10).readAgainEachRun().failAt("split-1", 2));
        String yaml = EngineFixture.pipeline("append", "parallelism: 1\ncheckpoint: {rows: 10, interval: 1h}\n", "s");
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.FAILED);
        int committed = f.store.table("s").size();
        assertThat(committed).isGreaterThanOrEqualTo(40);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, committed));
        f.sources.put("s", numbered(2, 4, 10).readAgainEachRun());
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 80));
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(f.store.table("s")).hasSize(160);
    }

    @Test
    void a_failed_commit_is_resumed_from_the_last_good_one() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(3, 4, 50));
        f.sinkFactory = (context, store) -> MemorySink.transactional(context, store).failOnCheckpoint(3);
        String yaml = EngineFixture.pipeline("append", "parallelism: 2\ncheckpoint: {rows: 100, interval: 1h}\n", "s");
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.FAILED);
        long committed = f.store.table("s").size();
        assertThat(committed).isPositive().isLessThan(600);
        f.sinkFactory = MemorySink::transactional;
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 600));
    }

    @Test
    void a_second_run_loads_only_new_and_changed_splits() {
        EngineFixture f = new EngineFixture(dir);
        MemorySource source = numbered(2, 2, 10);
        f.sources.put("s", source);
        String yaml = EngineFixture.pipeline("merge", "", "s");
        assertThat(f.run(yaml).record().rowsLoaded()).isEqualTo(40);
        var again = f.run(yaml);
        assertThat(again.record().nothingToLoad()).isTrue();
        assertThat(again.record().rowsLoaded()).isZero();
        assertThat(again.record().streams().get(0).splitsSkipped()).isEqualTo(2);
        source.fingerprint("split-1", "v2").numbered("split-2", 41, 1, 5);
        var third = f.run(yaml);
        assertThat(third.record().rowsLoaded()).isEqualTo(25);
        assertThat(third.record().streams().get(0).splitsSkipped()).isEqualTo(1);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 45));
    }

    @Test
    void rejected_rows_go_to_the_dead_letter_file_up_to_the_limit() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 3, 10)
                .rejectAt("split-0", 0, new RejectedRecord("data.csv:2", "expected 3 fields, found 2", "1,a"))
                .rejectAt("split-0", 2, new RejectedRecord("data.csv:9", "column x: 'y' is not a int64", "9,y,z")));
        var ok = f.run(EngineFixture.pipeline("append", "errors: {max_rejects: 2}\n", "s"));
        assertThat(ok.record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ok.record().rowsRejected()).isEqualTo(2);
        List<String> lines = Files.readAllLines(Path.of(ok.record().deadLetterFile()));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"stream\":\"s\"", "\"location\":\"data.csv:2\"", "\"reason\":\"expected 3 fields, found 2\"",
                "\"original\":\"1,a\"");
    }

    @Test
    void past_the_reject_limit_the_run_fails_and_commits_nothing_more() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 6, 10)
                .rejectAt("split-0", 1, new RejectedRecord("a:1", "bad", "x"))
                .rejectAt("split-0", 4, new RejectedRecord("a:2", "bad", "y")));
        var failed = f.run(EngineFixture.pipeline("append", "errors: {max_rejects: 1}\ncheckpoint: {rows: 20, interval: 1h}\n", "s"));
        assertThat(failed.record().status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error().getMessage()).contains("more rows were rejected than errors.max_rejects allows (1)");
        assertThat(f.store.table("s").size()).isLessThanOrEqualTo(40);
    }

    @Test
    void a_reject_ratio_is_checked_at_the_end_of_the_run() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 1, 10).rejectAt("split-0", 0, new RejectedRecord("a:1", "bad", "x")));
        var failed = f.run(EngineFixture.pipeline("append", "errors: {max_reject_ratio: 0.05}\n", "s"));
        assertThat(failed.record().status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error().getMessage()).contains("1 of 11 rows were rejected");
        assertThat(f.store.table("s")).isEmpty();
        EngineFixture g = new EngineFixture(dir.resolve("g"));
        g.sources.put("s", numbered(1, 1, 10).rejectAt("split-0", 0, new RejectedRecord("a:1", "bad", "x")));
        assertThat(g.run(EngineFixture.pipeline("append", "errors: {max_reject_ratio: 0.1}\n", "s")).record().status())
                .isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void a_stopped_bounded_run_commits_what_it_read_and_the_next_run_finishes_it() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        MemorySource slow = numbered(2, 40, 10).delay(Duration.ofMillis(5));
        f.sources.put("s", slow);
        String yaml = EngineFixture.pipeline("append", "parallelism: 2\n", "s");
        PipelineRunner runner = f.runner(yaml);
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        while (slow.batchesRead.get() < 4) {
            Thread.sleep(5);
        }
        runner.stop();
        RunResult stopped = run.get(10, TimeUnit.SECONDS);
        assertThat(stopped.record().status()).isEqualTo(RunStatus.STOPPED);
        int first = f.store.table("s").size();
        assertThat(first).isPositive().isLessThan(800);
        f.sources.put("s", numbered(2, 40, 10));
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 800));
    }

    @Test
    void a_target_without_transactions_gets_its_state_kept_in_the_work_folder() {
        EngineFixture f = new EngineFixture(dir);
        f.sinkFactory = MemorySink::new;
        f.sources.put("s", numbered(2, 1, 10));
        String yaml = EngineFixture.pipeline("append", "", "s");
        assertThat(f.run(yaml).record().rowsLoaded()).isEqualTo(20);
        assertThat(dir.resolve(".muara/test/state.json")).exists();
        assertThat(f.run(yaml).record().nothingToLoad()).isTrue();
        assertThat(f.store.table("s")).hasSize(20);
    }

    @Test
    void replace_swaps_in_this_runs_rows_and_keeps_the_old_ones_until_it_completes() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 2, 10));
        f.run(EngineFixture.pipeline("append", "", "s"));
        MemorySource next = new MemorySource(Boundedness.BOUNDED).numbered("split-0", 101, 4, 10).failAt("split-0", 3);
        f.sources.put("s", next);
        String replace = EngineFixture.pipeline("replace", "checkpoint: {rows: 10, interval: 1h}\n", "s");
        assertThat(f.run(replace).record().status()).isEqualTo(RunStatus.FAILED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 20));
        f.sources.put("s", new MemorySource(Boundedness.BOUNDED).numbered("split-0", 101, 4, 10));
        assertThat(f.run(replace).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(101, 140));
    }

    @Test
    void every_run_is_recorded() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", numbered(1, 1, 5));
        String yaml = EngineFixture.pipeline("append", "", "s");
        f.run(yaml);
        f.run(yaml);
        var runs = new RunStore(dir.resolve(".muara/test"), new dev.muara.core.redact.Redactor()).list(10);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).nothingToLoad()).isTrue();
        assertThat(runs.get(1).rowsLoaded()).isEqualTo(5);
        assertThat(runs.get(1).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.get(1).ended()).isNotNull();
    }

    @Test
    void several_streams_load_into_their_own_tables() {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("a", numbered(1, 1, 3));
        f.sources.put("b", new MemorySource(Boundedness.BOUNDED).numbered("x", 10, 1, 2));
        f.run(EngineFixture.pipeline("append", "", "a", "b"));
        assertThat(ids(f.store.table("a"))).containsExactly(1L, 2L, 3L);
        assertThat(ids(f.store.table("b"))).containsExactly(10L, 11L);
        Set<String> names = new HashSet<>();
        f.store.checkpoints().forEach(c -> names.add("c" + c));
        assertThat(names).isNotEmpty();
    }

    @Test
    void transforms_apply_to_every_batch_before_the_target() {
        EngineFixture f = new EngineFixture(dir);
        f.transforms.add(new dev.muara.api.transform.TransformConnector() {
            public String type() {
                return "double_id";
            }

            public String description() {
                return "Doubles the id.";
            }

            public List<dev.muara.api.option.OptionSpec<?>> options() {
                return List.of();
            }

            public dev.muara.api.transform.Transform create(dev.muara.api.option.Options options) {
                return new dev.muara.api.transform.Transform() {
                    public Schema outputSchema(Schema input) {
                        return input;
                    }

                    public Batch apply(Batch batch, dev.muara.api.transform.TransformContext context) {
                        List<List<Object>> rows = new ArrayList<>();
                        for (List<Object> row : Rows.of(batch)) {
                            rows.add(Rows.row((Long) row.get(0) * 2));
                        }
                        return Rows.batch(Schema.of(new Field("id", DataType.INT64)), rows);
                    }
                };
            }
        });
        f.sources.put("s", numbered(1, 1, 3));
        f.run(EngineFixture.pipeline("append", "transforms:\n  - type: double_id\n", "s"));
        assertThat(ids(f.store.table("s"))).containsExactly(2L, 4L, 6L);
    }
}
