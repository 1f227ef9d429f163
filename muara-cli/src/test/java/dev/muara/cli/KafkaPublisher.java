package dev.muara.cli;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** An application producing numbered JSON records to a topic in the background, as fast as asked. */
final class KafkaPublisher implements AutoCloseable {

    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * Produces {@code {"seq": from, "pad": "..."}} to {@code {"seq": to, ...}} at about {@code perSecond} (0: as fast
     * as the broker takes), each padded to about {@code bytes}; records are spread over partitions by the default
     * partitioner.
     */
    KafkaPublisher(String bootstrapServers, String topic, long from, long to, int perSecond, int bytes) {
        this.thread = new Thread(() -> publish(bootstrapServers, topic, from, to, perSecond, bytes), "kafka-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    private void publish(String bootstrapServers, String topic, long from, long to, int perSecond, int bytes) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        String pad = "x".repeat(Math.max(0, bytes - 30));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (long seq = from; seq <= to && failure.get() == null; seq++) {
                if (perSecond > 0 && (seq - from) % 100 == 0) {
                    long wait = started + (seq - from) * 1_000_000_000L / perSecond - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                String json = pad.isEmpty() ? "{\"seq\": " + seq + "}" : "{\"seq\": " + seq + ", \"pad\": \"" + pad + "\"}";
                producer.send(new ProducerRecord<>(topic, json.getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        published.incrementAndGet();
                    }
                });
            }
            producer.flush();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Records the broker has acknowledged so far. */
    long published() {
        return published.get();
    }

    /** Waits until every record was acknowledged; fails with the producer's own error if it had one. */
    void awaitDone(long seconds) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(seconds));
        if (failure.get() != null) {
            throw new AssertionError("producing failed", failure.get());
        }
        if (thread.isAlive()) {
            throw new AssertionError("producing took longer than " + seconds + " s (" + published() + " acknowledged)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }
}
