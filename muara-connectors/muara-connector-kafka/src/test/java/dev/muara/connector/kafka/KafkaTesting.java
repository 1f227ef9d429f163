package dev.muara.connector.kafka;

import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.testkit.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sources, producers and consumers on the test broker. */
final class KafkaTesting {

    private KafkaTesting() {
    }

    static EmbeddedKafka kafka() {
        return EmbeddedKafka.shared();
    }

    /** Source options with the test broker's address and {@code values}. */
    static Options sourceOptions(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("bootstrap_servers", List.of(kafka().bootstrapServers()));
        return Options.of("source 'kafka'", all);
    }

    /** A source of pipeline {@code test} over the test broker, for stream {@code s}. */
    static Source source(Map<String, Object> values) {
        return new KafkaSourceConnector().create(new SourceContext("test", "s", Path.of(".")), sourceOptions(values));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends every record and waits until all are written. */
    static void produce(List<ProducerRecord<byte[], byte[]>> records) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka().bootstrapServers());
        p.setProperty("enable.idempotence", "true");
        p.setProperty("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to the test broker", e);
        }
    }

    /** Sends the values, in order, to one partition of {@code topic}. */
    static void produce(String topic, int partition, List<byte[]> values) {
        produce(values.stream().map(v -> new ProducerRecord<byte[], byte[]>(topic, partition, null, v)).toList());
    }

    /** Every record of {@code topic} (all partitions), read from the beginning until {@code count} came. */
    static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka().bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            // anything beyond count would be a duplicate
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
