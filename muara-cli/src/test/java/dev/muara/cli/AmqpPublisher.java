package dev.muara.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import dev.muara.testkit.amqp.RabbitMqQueues;
import java.nio.charset.StandardCharsets;

/**
 * An order system in a test: publishes numbered persistent JSON messages to a queue in the background, each
 * confirmed by the broker (so a message counts as published only once RabbitMQ has it safe).
 */
final class AmqpPublisher extends BackgroundPublisher {

    private static final int CONFIRM_EVERY = 500;

    private final String queue;
    private final long from;
    private final long to;
    private final int perSecond;

    /** Publishes {@code {"seq": from}} to {@code {"seq": to}} at about {@code perSecond} (0: as fast as confirmed). */
    AmqpPublisher(String queue, long from, long to, int perSecond) {
        super("amqp-publisher");
        this.queue = queue;
        this.from = from;
        this.to = to;
        this.perSecond = perSecond;
        start();
    }

    @Override
    void publish() throws Exception {
        try (Connection connection = RabbitMqQueues.connect(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            long started = System.nanoTime();
            long unconfirmed = 0;
            for (long seq = from; seq <= to && !Thread.currentThread().isInterrupted(); seq++) {
                pace(started, seq - from, perSecond);
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC,
                        ("{\"seq\": " + seq + ", \"amount\": " + (seq % 1000) / 10.0 + "}").getBytes(StandardCharsets.UTF_8));
                if (++unconfirmed == CONFIRM_EVERY || seq == to || perSecond > 0) {
                    channel.waitForConfirmsOrDie(30_000);
                    taken(unconfirmed);
                    unconfirmed = 0;
                }
            }
        }
    }
}
