package dev.muara.connector.kafka;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import java.util.List;
import java.util.Set;

/** Registers the {@code kafka} target: each row a JSON record, appended to a topic per stream. */
public final class KafkaSinkConnector implements SinkConnector {

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Kafka topics: each row a JSON record, keyed by a column, sent by an idempotent producer and flushed at "
                + "every checkpoint (at-least-once).";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return KafkaOptions.TARGET;
    }

    /** A topic is a log: rows can be added, never replaced or merged in place. */
    @Override
    public Set<WriteMode> writeModes() {
        return Set.of(WriteMode.APPEND);
    }

    @Override
    public Sink create(SinkContext context, Options options) {
        return new KafkaSink(context, options, ClientSettings.of(options, context.baseDirectory()));
    }
}
