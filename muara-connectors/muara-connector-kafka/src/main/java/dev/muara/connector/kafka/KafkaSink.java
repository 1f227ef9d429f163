package dev.muara.connector.kafka;

import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka as a target: each stream's rows go to a topic (the stream's table name, or {@code topic}), as JSON records.
 * A topic that does not exist is created with the brokers' default partitions and replication, as database targets
 * create their tables. The sink keeps no state in Kafka: the engine keeps the pipeline state in the work folder, so
 * delivery is at-least-once.
 */
final class KafkaSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

    private final SinkContext context;
    private final Options options;
    private final ClientSettings client;

    KafkaSink(SinkContext context, Options options, ClientSettings client) {
        this.context = context;
        this.options = options;
        this.client = client;
    }

    @Override
    public SinkWriter open(WriterContext run) {
        String topicOption = options.get(KafkaOptions.TOPIC);
        if (topicOption != null && run.streams().size() > 1) {
            throw options.invalid(KafkaOptions.TOPIC, "names one topic, but the pipeline has " + run.streams().size()
                    + " streams").withHint("leave topic out: each stream then goes to the topic named after its table");
        }
        Map<String, KafkaWriter.Route> routes = new LinkedHashMap<>();
        for (StreamTarget target : run.streams()) {
            if (target.write() != WriteMode.APPEND) {
                throw MuaraException.config("target 'kafka' cannot " + target.write().word() + " (stream " + target.stream()
                        + "): a topic only appends").withHint("use write: append; records with the same key_column value "
                        + "can be compacted or deduplicated downstream");
            }
            String topic = topicOption != null ? topicOption : target.table();
            if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
                throw options.invalid(KafkaOptions.TOPIC, "'" + topic + "' (stream " + target.stream()
                        + ") is not a topic name: letters, digits, . _ - only");
            }
            routes.put(target.stream(), new KafkaWriter.Route(topic, target.options().get(KafkaOptions.KEY_COLUMN), target.options()));
        }
        try {
            createMissingTopics(routes.values().stream().map(KafkaWriter.Route::topic).distinct().toList());
        } catch (MuaraException e) {
            throw e;
        } catch (Exception e) {
            throw KafkaFailures.of("cannot check the topics to write", e, client);
        }
        Properties p = client.properties();
        p.setProperty("client.id", "muara-" + context.pipeline());
        p.setProperty("enable.idempotence", "true");
        p.setProperty("acks", "all");
        p.setProperty("compression.type", options.get(KafkaOptions.COMPRESSION));
        p.putIfAbsent("max.block.ms", Long.toString(Math.max(1, client.timeout().toMillis())));
        try {
            return new KafkaWriter(new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()), routes, client);
        } catch (RuntimeException e) {
            throw KafkaFailures.of("cannot start the producer", e, client);
        }
    }

    /**
     * Creates the topics that do not exist, then waits until every partition's leader answers: a producer that
     * writes to a partition whose leader is not ready yet may fail its first batch.
     */
    private void createMissingTopics(List<String> topics) throws Exception {
        long wait = client.timeout().toMillis() + 5000;
        try (Admin admin = Admin.create(client.admin("muara-" + context.pipeline() + "-topics"))) {
            List<String> missing = new ArrayList<>();
            Map<String, Integer> partitions = new HashMap<>();
            for (String topic : topics) {
                try {
                    TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                            .get(wait, TimeUnit.MILLISECONDS);
                    partitions.put(topic, description.partitions().size());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (String topic : missing) {
                try {
                    // the partition count comes with the answer: a describe right after may not see the topic yet
                    CreateTopicsResult created = admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())));
                    partitions.put(topic, created.numPartitions(topic).get(wait, TimeUnit.MILLISECONDS));
                    LOG.info("created the topic {}", topic);
                } catch (ExecutionException e) {
                    // another writer created it meanwhile
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    partitions.put(topic, admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                            .get(wait, TimeUnit.MILLISECONDS).partitions().size());
                }
            }
            awaitLeaders(admin, missing, partitions, wait);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Map<String, Integer> partitions, long wait) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions.get(topic); p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
        while (true) {
            try {
                admin.listOffsets(latest).all().get(wait, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
