package dev.muara.connector.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.testkit.TestBrokers;

import dev.muara.testkit.amqp.RabbitMqQueues;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A queue of its own for each test on the local RabbitMQ, a publisher that waits for the broker's confirms. */
final class AmqpTesting {

    private AmqpTesting() {
    }

    /** A name no other test uses. */
    static String freshQueue() {
        return "muara-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Options of a source consuming {@code queue} of the local broker as guest. */
    static Map<String, Object> options(String queue) {
        TestBrokers.Broker broker = TestBrokers.rabbitMq();
        Map<String, Object> options = new HashMap<>();
        options.put("host", broker.host());
        options.put("port", (long) broker.port());
        options.put("queue", queue);
        options.put("username", "guest");
        options.put("password", new Secret("guest"));
        return options;
    }

    static Source source(Path dir, Map<String, Object> options) {
        return new AmqpSourceConnector().create(new SourceContext("test", "s", dir), Options.of("source 'amqp'", options));
    }

    /** Messages ready in the queue (not delivered to a consumer). */
    static long ready(String queue) throws Exception {
        try (Connection connection = RabbitMqQueues.connect(); Channel channel = connection.createChannel()) {
            return channel.messageCount(queue);
        }
    }

    /** Publishes each payload persistent to the queue through the default exchange, waiting for the confirms. */
    static void publish(String queue, List<byte[]> payloads) throws Exception {
        publish("", queue, MessageProperties.PERSISTENT_BASIC, payloads);
    }

    static void publish(String exchange, String routingKey, AMQP.BasicProperties properties, List<byte[]> payloads)
            throws Exception {
        try (Connection connection = RabbitMqQueues.connect(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (byte[] payload : payloads) {
                channel.basicPublish(exchange, routingKey, true, properties, payload);
            }
            channel.waitForConfirmsOrDie(30_000);
        }
    }
}
