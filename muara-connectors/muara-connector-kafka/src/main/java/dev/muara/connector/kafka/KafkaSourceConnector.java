package dev.muara.connector.kafka;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import java.util.List;

/** Registers the {@code kafka} source: topics read partition by partition until the run is stopped. */
public final class KafkaSourceConnector implements SourceConnector {

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Kafka topics, each partition read in parallel until stopped; JSON, CSV, text, bytes or Avro records, "
                + "with offsets stored with the data and committed to the group after each checkpoint.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return KafkaOptions.SOURCE;
    }

    @Override
    public Source create(SourceContext context, Options options) {
        ClientSettings client = ClientSettings.of(options, context.baseDirectory());
        ReadSettings read = ReadSettings.of(options, context.pipeline(), context.baseDirectory());
        return new KafkaSource(context, options, client, read);
    }

    /** Each record's topic, partition and offset, while metadata columns are on: see {@link KafkaSource#primaryKey}. */
    @Override
    public boolean knowsPrimaryKeys() {
        return true;
    }

    @Override
    public String splitNoun() {
        return "partition";
    }

    /** The topic, when a single one is read. */
    @Override
    public String defaultStreamName(Options options) {
        List<String> topics = options.get(KafkaOptions.TOPICS);
        return topics != null && topics.size() == 1 ? topics.get(0) : null;
    }
}
