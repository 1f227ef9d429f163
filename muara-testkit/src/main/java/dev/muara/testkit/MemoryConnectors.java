package dev.muara.testkit;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Connectors of type {@code memory} over prepared {@link MemorySource}s and a {@link MemorySink}, for engine tests. */
public final class MemoryConnectors {

    private MemoryConnectors() {
    }

    /** A {@code memory} source connector handing out {@code sources} by stream name. */
    public static SourceConnector source(Map<String, MemorySource> sources) {
        return source(sources, false);
    }

    /**
     * A {@code memory} source connector handing out {@code sources} by stream name; with {@code discovers}, its
     * sources find further streams as they plan.
     */
    public static SourceConnector source(Map<String, MemorySource> sources, boolean discovers) {
        return new SourceConnector() {
            @Override
            public boolean discoversStreams(Options options) {
                return discovers;
            }

            @Override
            public String type() {
                return "memory";
            }

            @Override
            public String description() {
                return "Batches held in memory, for tests.";
            }

            @Override
            public List<OptionSpec<?>> options() {
                return List.of();
            }

            @Override
            public Source create(SourceContext context, Options options) {
                MemorySource source = sources.get(context.stream());
                if (source == null) {
                    throw new IllegalArgumentException("no memory source for stream " + context.stream());
                }
                return source.stream(context.stream());
            }
        };
    }

    /** A {@code memory} target connector creating sinks with {@code factory}. */
    public static SinkConnector sink(BiFunction<SinkContext, MemoryStore, MemorySink> factory, MemoryStore store) {
        return new SinkConnector() {
            @Override
            public String type() {
                return "memory";
            }

            @Override
            public String description() {
                return "Tables held in memory, for tests.";
            }

            @Override
            public List<OptionSpec<?>> options() {
                return List.of();
            }

            @Override
            public Set<WriteMode> writeModes() {
                return Set.of(WriteMode.APPEND, WriteMode.MERGE, WriteMode.REPLACE);
            }

            @Override
            public Sink create(SinkContext context, Options options) {
                return factory.apply(context, store);
            }
        };
    }
}
