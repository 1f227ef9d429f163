package dev.muara.connector.kafka;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Kafka topics as one stream. Every partition of every topic read is a split ({@code topic/partition}) with its own
 * reader and consumer; the split's position is the next offset to read, stored with the data in the target. The
 * split's fingerprint is the topic id, so a topic deleted and created again under the same name is read from its
 * start rather than from an offset of the old one.
 */
final class KafkaSource implements Source {

    static final String TOPIC = "_topic";
    static final String PARTITION = "_partition";
    static final String OFFSET = "_offset";
    static final String TIMESTAMP = "_timestamp";

    /** The metadata columns of every row, when {@code metadata: true}. */
    static final List<Field> METADATA = List.of(new Field(TOPIC, DataType.STRING), new Field(PARTITION, DataType.INT32),
            new Field(OFFSET, DataType.INT64), new Field(TIMESTAMP, DataType.TIMESTAMP_TZ), new Field("_key", DataType.STRING),
            new Field("_headers", DataType.JSON));

    private final SourceContext context;
    private final Options options;
    private final ClientSettings client;
    private final ReadSettings read;

    KafkaSource(SourceContext context, Options options, ClientSettings client, ReadSettings read) {
        this.context = context;
        this.options = options;
        this.client = client;
        this.read = read;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.UNBOUNDED;
    }

    @Override
    public List<Split> plan(PlanContext plan) {
        try (Admin admin = Admin.create(client.admin("muara-" + context.pipeline() + "-plan"))) {
            List<String> names = read.topics() != null ? read.topics() : matchingTopics(admin);
            Map<String, TopicDescription> topics = new TreeMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin.describeTopics(names).topicNameValues().entrySet()) {
                topics.put(topic.getKey(), await(topic.getValue(), topic.getKey()));
            }
            List<Split> splits = new ArrayList<>();
            for (TopicDescription topic : topics.values()) {
                for (int p = 0; p < topic.partitions().size(); p++) {
                    splits.add(new Split(context.stream(), topic.name() + "/" + topic.partitions().get(p).partition(),
                            topic.topicId().toString(), -1));
                }
            }
            return splits;
        } catch (MuaraException e) {
            throw e;
        } catch (Exception e) {
            throw KafkaFailures.of("cannot list the partitions to read", e, client);
        }
    }

    private List<String> matchingTopics(Admin admin) throws Exception {
        List<String> names = admin.listTopics().names().get(client.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS)
                .stream().filter(name -> read.topicPattern().matcher(name).matches()).sorted().toList();
        if (names.isEmpty()) {
            throw options.invalid(KafkaOptions.TOPIC_PATTERN, "no topic on the brokers at " + client.describe()
                    + " matches " + read.topicPattern().pattern())
                    .withHint("the whole topic name must match; topics created later are read from the next run on");
        }
        return names;
    }

    private TopicDescription await(KafkaFuture<TopicDescription> future, String topic) throws Exception {
        try {
            return future.get(client.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw options.invalid(KafkaOptions.TOPICS, "there is no topic '" + topic + "' on the brokers at " + client.describe())
                        .withHint("check the name (topic names are case-sensitive); Muara does not create the topics it reads");
            }
            throw e;
        }
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext context) {
        int slash = split.id().lastIndexOf('/');
        String topic = split.id().substring(0, slash);
        int partition = Integer.parseInt(split.id().substring(slash + 1));
        return KafkaSplitReader.open(this.context.pipeline(), client, read, topic, partition, position, context);
    }

    /** Each record's topic, partition and offset: unique, so a merge on them loads a record once however often it is read. */
    @Override
    public List<String> primaryKey(String stream) {
        return read.metadata() ? List.of(TOPIC, PARTITION, OFFSET) : List.of();
    }

    @Override
    public String eventTimeColumn(String stream) {
        return read.metadata() ? TIMESTAMP : null;
    }
}
