package dev.muara.testkit.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.muara.testkit.TestBrokers;

/**
 * Queues of the local RabbitMQ for tests (see {@link TestBrokers#rabbitMq()}, which skips a test when none runs).
 *
 * <p>A module that uses it declares {@code com.rabbitmq:amqp-client}: the testkit holds it as optional.
 */
public final class RabbitMqQueues {

    private RabbitMqQueues() {
    }

    /** A connection to the local broker as its built-in user; the caller closes it. */
    public static Connection connect() throws Exception {
        TestBrokers.Broker broker = TestBrokers.rabbitMq();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        return factory.newConnection("muara test");
    }

    /** A durable queue of that name, created if missing. */
    public static void declare(String queue) throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
        }
    }

    /** Deletes the queue and what it holds; nothing happens when it does not exist. */
    public static void delete(String queue) throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }
}
