package dev.muara.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import dev.muara.testkit.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An order system in a test: publishes numbered persistent JSON messages to a queue in the background, each
 * confirmed by the broker (so a message counts as published only once RabbitMQ has it safe).
 */
final class AmqpPublisher implements AutoCloseable {

    private static final int CONFIRM_EVERY = 500;

    private final String queue;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Publishes {@code {"seq": from}} to {@code {"seq": to}} at about {@code perSecond} (0: as fast as confirmed). */
    AmqpPublisher(String queue, long from, long to, int perSecond) {
        this.queue = queue;
        this.thread = new Thread(() -> publish(from, to, perSecond), "amqp-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    static Connection connect() throws Exception {
        TestBrokers.Broker broker = TestBrokers.rabbitMq();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        return factory.newConnection("muara test publisher");
    }

    /** A durable queue of that name, empty. */
    static void declare(String queue) throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
        }
    }

    static void delete(String queue) throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    private void publish(long from, long to, int perSecond) {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            long started = System.nanoTime();
            long unconfirmed = 0;
            for (long seq = from; seq <= to && !Thread.currentThread().isInterrupted(); seq++) {
                if (perSecond > 0) {
                    long wait = started + (seq - from) * 1_000_000_000L / perSecond - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC,
                        ("{\"seq\": " + seq + ", \"amount\": " + (seq % 1000) / 10.0 + "}").getBytes(StandardCharsets.UTF_8));
                if (++unconfirmed == CONFIRM_EVERY || seq == to || perSecond > 0) {
                    channel.waitForConfirmsOrDie(30_000);
                    published.addAndGet(unconfirmed);
                    unconfirmed = 0;
                }
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Messages the broker has confirmed so far. */
    long published() {
        return published.get();
    }

    /** Waits until every message was confirmed; fails with the publisher's own error if it had one. */
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
