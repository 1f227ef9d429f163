package dev.muara.core.engine;

import dev.muara.api.transform.TransformConnector;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.PipelineLoader;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import dev.muara.testkit.MemoryConnectors;
import dev.muara.testkit.MemorySink;
import dev.muara.testkit.MemorySource;
import dev.muara.testkit.MemoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** Runs pipelines over memory sources into a memory sink, as the engine tests need. */
final class EngineFixture {

    final Map<String, MemorySource> sources = new LinkedHashMap<>();
    final MemoryStore store = new MemoryStore();
    final List<MemorySink> sinks = new ArrayList<>();
    final List<TransformConnector> transforms = new ArrayList<>();
    boolean discovers;
    final Path dir;
    BiFunction<dev.muara.api.sink.SinkContext, MemoryStore, MemorySink> sinkFactory = MemorySink::transactional;

    EngineFixture(Path dir) {
        this.dir = dir;
    }

    ConnectorRegistry registry() {
        return new ConnectorRegistry(List.of(MemoryConnectors.source(sources, discovers)),
                List.of(MemoryConnectors.sink((context, s) -> {
                    MemorySink sink = sinkFactory.apply(context, s);
                    sinks.add(sink);
                    return sink;
                }, store)), transforms);
    }

    PipelineConfig config(String yaml) {
        return new PipelineLoader(registry(), name -> null, new Redactor()).load("pipeline.yaml", yaml, dir);
    }

    PipelineRunner runner(String yaml) {
        return new PipelineRunner(config(yaml), registry(), new Redactor());
    }

    RunResult run(String yaml) {
        return runner(yaml).run();
    }

    /** A pipeline reading the given streams from memory into memory tables of the same names. */
    static String pipeline(String write, String extra, String... streams) {
        StringBuilder yaml = new StringBuilder("name: test\nsource:\n  type: memory\n  streams:\n");
        for (String stream : streams) {
            yaml.append("    ").append(stream).append(": {}\n");
        }
        yaml.append("target:\n  type: memory\n  write: ").append(write).append('\n');
        if (write.equals("merge")) {
            yaml.append("  primary_key: [id]\n");
        }
        return yaml.append(extra).toString();
    }

    /** The first column of every row, as longs, sorted. */
    static List<Long> ids(List<List<Object>> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(((Number) r.get(0)).longValue()));
        ids.sort(Long::compare);
        return ids;
    }

    /** {@code from} to {@code to}, both included. */
    static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            ids.add(i);
        }
        return ids;
    }

    /** Runs the pipeline on a thread of its own (not the common pool, which a stuck test would block for the rest). */
    static CompletableFuture<RunResult> start(PipelineRunner runner) {
        CompletableFuture<RunResult> run = new CompletableFuture<>();
        Thread thread = new Thread(() -> run.complete(runner.run()), "test-run");
        thread.setDaemon(true);
        thread.start();
        return run;
    }
}
