package dev.muara.cli;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.muara.testkit.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A device fleet in a test: publishes numbered JSON messages with QoS 1, as fast as asked, in the background. */
final class MqttPublisher implements AutoCloseable {

    private final TestBrokers.Broker broker;
    private final String topic;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Publishes {@code {"seq": from}} to {@code {"seq": to}} at about {@code perSecond} (0: as fast as the broker takes). */
    MqttPublisher(TestBrokers.Broker broker, String topic, long from, long to, int perSecond) {
        this.broker = broker;
        this.topic = topic;
        this.thread = new Thread(() -> publish(from, to, perSecond), "mqtt-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates the subscriber's persistent session, so the broker keeps messages for it before it first connects. */
    static void createSession(TestBrokers.Broker broker, String clientId, String topic) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(clientId)
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        client.connectWith().cleanSession(false).send();
        client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        client.disconnect();
    }

    private void publish(long from, long to, int perSecond) {
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("publisher-" + UUID.randomUUID())
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        Semaphore outstanding = new Semaphore(500);
        try {
            client.connect().get(30, TimeUnit.SECONDS);
            long started = System.nanoTime();
            for (long seq = from; seq <= to; seq++) {
                if (perSecond > 0) {
                    long due = started + (seq - from) * 1_000_000_000L / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                outstanding.acquire();
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(("{\"seq\": " + seq + "}").getBytes(StandardCharsets.UTF_8)).send()
                        .whenComplete((result, error) -> {
                            outstanding.release();
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                published.incrementAndGet();
                            }
                        });
            }
            outstanding.acquire(500);
            client.disconnect().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Messages the broker has taken so far. */
    long published() {
        return published.get();
    }

    /** Waits until every message was taken by the broker; fails with the publisher's own error if it had one. */
    void awaitDone(long seconds) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(seconds));
        if (failure.get() != null) {
            throw new AssertionError("publishing failed", failure.get());
        }
        if (thread.isAlive()) {
            throw new AssertionError("publishing took longer than " + seconds + " s (" + published() + " published)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }
}
