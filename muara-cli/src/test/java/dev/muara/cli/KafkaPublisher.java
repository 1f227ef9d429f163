package dev.muara.cli;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** An application producing numbered JSON records to a topic in the background, as fast as asked. */
final class KafkaPublisher extends BackgroundPublisher {

    private final String bootstrapServers;
    private final String topic;
    private final long from;
    private final long to;
    private final int perSecond;
    private final String pad;

    /**
     * Produces {@code {"seq": from, "pad": "..."}} to {@code {"seq": to, ...}} at about {@code perSecond} (0: as fast
     * as the broker takes), each padded to about {@code bytes} (0: no padding); the default partitioner spreads them
     * over the partitions.
     */
    KafkaPublisher(String bootstrapServers, String topic, long from, long to, int perSecond, int bytes) {
        super("kafka-publisher");
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.from = from;
        this.to = to;
        this.perSecond = perSecond;
        this.pad = "x".repeat(Math.max(0, bytes - 30));
        start();
    }

    @Override
    void publish() throws InterruptedException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (long seq = from; seq <= to && !hasFailed(); seq++) {
                pace(started, seq - from, perSecond);
                String json = pad.isEmpty() ? "{\"seq\": " + seq + "}" : "{\"seq\": " + seq + ", \"pad\": \"" + pad + "\"}";
                producer.send(new ProducerRecord<>(topic, json.getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
                    if (error != null) {
                        failed(error);
                    } else {
                        taken(1);
                    }
                });
            }
            producer.flush();
        }
    }
}
