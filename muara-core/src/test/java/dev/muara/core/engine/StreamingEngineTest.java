package dev.muara.core.engine;

import static dev.muara.core.engine.EngineFixture.ids;
import static dev.muara.core.engine.EngineFixture.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.RejectedRecord;
import dev.muara.core.run.RunStatus;
import dev.muara.testkit.MemorySource;
import dev.muara.testkit.Rows;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine running sources that never end: readers per split, commits on request and by time, live figures. */
class StreamingEngineTest {

    @TempDir
    Path dir;

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 20 s").isTrue();
    }

    private static RunResult stop(PipelineRunner runner, CompletableFuture<RunResult> run) throws Exception {
        runner.stop();
        RunResult result = run.get(20, TimeUnit.SECONDS);
        assertThat(result.record().status()).isEqualTo(RunStatus.STOPPED);
        return result;
    }

    @Test
    void every_split_of_a_stream_is_read_at_once_whatever_the_parallelism() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        MemorySource stream = new MemorySource(Boundedness.UNBOUNDED)
                .numbered("p0", 1, 2, 10).numbered("p1", 21, 2, 10).numbered("p2", 41, 2, 10);
        f.sources.put("s", stream);
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append", "parallelism: 1\ncheckpoint: {interval: 50ms}\n", "s"));
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        await(() -> f.store.table("s").size() == 60);
        assertThat(stream.maxOpenReaders.get()).isEqualTo(3);
        stop(runner, run);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 60));
    }

    @Test
    void a_reader_that_must_acknowledge_before_more_arrives_gets_a_commit_long_before_the_interval() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        MemorySource stream = new MemorySource(Boundedness.UNBOUNDED).numbered("p0", 1, 5, 20).requestCommits();
        f.sources.put("s", stream);
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append", "checkpoint: {rows: 1000000, interval: 1h}\n", "s"));
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        await(() -> f.store.table("s").size() == 100);
        // and the reader gets to acknowledge all of it, though it asks nothing more of the engine than a commit
        await(() -> stream.committed.contains("p0@5"));
        stop(runner, run);
    }

    @Test
    void messages_that_were_all_rejected_are_still_committed_so_the_reader_can_acknowledge_them() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        Schema schema = Schema.of(new Field("id", DataType.INT64));
        MemorySource stream = new MemorySource(Boundedness.UNBOUNDED)
                .split("p0", List.of(Batch.empty(schema), Batch.empty(schema)))
                .rejectAt("p0", 0, new RejectedRecord("topic (message 1)", "not JSON", "{"))
                .rejectAt("p0", 1, new RejectedRecord("topic (message 2)", "not JSON", "}"))
                .requestCommits();
        f.sources.put("s", stream);
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append",
                "checkpoint: {rows: 1000000, interval: 1h}\nerrors: {max_rejects: 10}\n", "s"));
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        // a full in-flight window of bad messages would otherwise never be acknowledged, and the stream would stall
        await(() -> stream.committed.contains("p0@2"));
        stop(runner, run);
        assertThat(f.store.table("s")).isEmpty();
    }

    @Test
    void a_stream_commits_every_second_when_the_pipeline_sets_no_interval() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        f.sources.put("s", new MemorySource(Boundedness.UNBOUNDED).numbered("p0", 1, 3, 10));
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append", "", "s"));
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        // the batch default would wait 10 s; a stream commits within about a second
        await(() -> f.store.table("s").size() == 30);
        assertThat(run).isNotDone();
        stop(runner, run);
    }

    @Test
    void the_live_figures_show_a_stream_its_latency_from_the_event_time_column() throws Exception {
        EngineFixture f = new EngineFixture(dir);
        Schema schema = Schema.of(new Field("id", DataType.INT64), new Field("at", DataType.TIMESTAMP_TZ));
        Instant twoSecondsAgo = Instant.now().minusSeconds(2);
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 1; id <= 50; id++) {
            rows.add(Rows.row(id, twoSecondsAgo));
        }
        List<Batch> batches = List.of(Rows.batch(schema, rows));
        f.sources.put("s", new MemorySource(Boundedness.UNBOUNDED).split("p0", batches).withEventTimeColumn("at"));
        PipelineRunner runner = f.runner(EngineFixture.pipeline("append", "checkpoint: {interval: 50ms}\n", "s"));
        CompletableFuture<RunResult> run = EngineFixture.start(runner);
        await(() -> runner.progress().rowsLoaded() == 50);
        RunProgress progress = runner.progress();
        assertThat(progress.continuous()).isTrue();
        assertThat(progress.latencyP50Millis()).isBetween(2_000L, 2_000L + 20_000L);
        assertThat(progress.latencyP99Millis()).isGreaterThanOrEqualTo(progress.latencyP50Millis());
        assertThat(progress.lag()).isEqualTo(-1);
        stop(runner, run);
    }
}
