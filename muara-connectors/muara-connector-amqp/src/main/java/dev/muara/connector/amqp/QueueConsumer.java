package dev.muara.connector.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.ShutdownSignalException;
import dev.muara.api.error.MuaraException;
import dev.muara.formats.tls.TrustedAuthorities;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A connection to the broker consuming one queue with manual acknowledgement: the broker sends at most
 * {@code prefetch} messages that are not acknowledged yet, and takes back every unacknowledged one when the channel
 * closes or the connection drops. Automatic recovery is off: a recovered channel numbers its deliveries anew, so a
 * lost connection fails the reader and the run starts again from its last commit instead.
 *
 * <p>The client's dispatch thread only appends deliveries to a buffer (never longer than {@code prefetch}); the
 * reader's thread takes them and sends every acknowledgement.
 */
final class QueueConsumer implements AutoCloseable {

    private final AmqpSettings settings;
    private final Connection connection;
    private final Channel channel;
    private final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private volatile String consumerTag;
    private volatile boolean closing;
    /** Why deliveries stopped (the connection dropped, the consumer was cancelled), or null. */
    private volatile String stopped;

    private QueueConsumer(AmqpSettings settings, Connection connection, Channel channel) {
        this.settings = settings;
        this.connection = connection;
        this.channel = channel;
    }

    /** Connects, checks (or declares) the queue and starts consuming it. */
    static QueueConsumer open(AmqpSettings settings) {
        Connection connection;
        try {
            connection = factory(settings).newConnection(settings.connectionName());
        } catch (IOException | TimeoutException e) {
            throw AmqpFailures.connecting(settings, e);
        }
        try {
            prepareQueue(connection, settings);
            Channel channel = connection.createChannel();
            channel.basicQos(settings.prefetch());
            QueueConsumer consumer = new QueueConsumer(settings, connection, channel);
            consumer.consumerTag = channel.basicConsume(settings.queue(), false, (tag, delivery) -> consumer.deliveries.add(delivery),
                    tag -> consumer.stop("the broker cancelled the consumer of queue '" + settings.queue()
                            + "' (was the queue deleted?)"),
                    (tag, signal) -> consumer.stop(AmqpFailures.reason(signal)));
            return consumer;
        } catch (IOException | RuntimeException e) {
            connection.abort(timeoutMillis(settings));
            throw AmqpFailures.onQueue(settings, "consume queue '" + settings.queue() + "'", e);
        }
    }

    static ConnectionFactory factory(AmqpSettings settings) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setVirtualHost(settings.virtualHost());
        factory.setUsername(settings.username());
        factory.setPassword(settings.password().reveal());
        factory.setConnectionTimeout(timeoutMillis(settings));
        factory.setHandshakeTimeout(timeoutMillis(settings));
        // a broker that does not answer a request within the connect timeout is as good as unreachable
        factory.setChannelRpcTimeout(timeoutMillis(settings));
        factory.setRequestedHeartbeat((int) settings.heartbeat().toSeconds());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        if (settings.tls()) {
            factory.useSslProtocol(sslContext(settings));
            // the client checks the certificate chain through the context, the host name only when asked
            factory.enableHostnameVerification();
        }
        return factory;
    }

    private static SSLContext sslContext(AmqpSettings settings) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, settings.caFile() == null ? null
                    : TrustedAuthorities.fromPem(settings.caFile()).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw MuaraException.internal("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static int timeoutMillis(AmqpSettings settings) {
        return (int) settings.connectTimeout().toMillis();
    }

    /**
     * Makes sure the queue exists: a passive declaration, which fails for a missing queue (and closes its channel),
     * then, with {@code declare_queue}, a durable declaration and the binding. A queue that exists is left as it is,
     * whatever its arguments (a quorum queue, a length limit), which a second declaration would have to repeat.
     */
    private static void prepareQueue(Connection connection, AmqpSettings settings) throws IOException {
        String queue = settings.queue();
        Channel check = connection.createChannel();
        try {
            check.queueDeclarePassive(queue);
            closeQuietly(check);
        } catch (IOException e) {
            if (AmqpFailures.replyCode(e) != AmqpFailures.NOT_FOUND) {
                throw e;
            }
            if (!settings.declareQueue()) {
                throw MuaraException.config("the queue '" + queue + "' does not exist in virtual host "
                        + settings.virtualHost() + " of the broker " + settings.describe()).withHint(
                        "create the queue, or set declare_queue: true to have Muara declare it (durable)");
            }
            Channel declare = connection.createChannel();
            try {
                declare.queueDeclare(queue, true, false, false, null);
            } catch (IOException failed) {
                throw AmqpFailures.onQueue(settings, "declare queue '" + queue + "'", failed);
            }
            closeQuietly(declare);
        }
        if (settings.exchange() != null) {
            Channel bind = connection.createChannel();
            try {
                bind.queueBind(queue, settings.exchange(), settings.routingKey());
            } catch (IOException failed) {
                throw AmqpFailures.onQueue(settings, "bind queue '" + queue + "' to exchange '" + settings.exchange()
                        + "'", failed);
            }
            closeQuietly(bind);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
            // only a helper channel of the setup, closed with its connection anyway
        }
    }

    private void stop(String reason) {
        if (!closing) {
            stopped = reason;
        }
    }

    /** The next delivery, waiting at most {@code millis}; null when none came. */
    Delivery receive(long millis) throws InterruptedException {
        checkRunning();
        Delivery delivery = deliveries.poll(millis, TimeUnit.MILLISECONDS);
        checkRunning();
        return delivery;
    }

    /** The next delivery if one is already here, else null. */
    Delivery receiveNow() {
        return deliveries.poll();
    }

    /**
     * Fails once deliveries stopped, even with some still buffered: they can no longer be acknowledged on this
     * channel, and the broker sends them again to the next connection.
     */
    private void checkRunning() {
        String reason = stopped;
        if (reason != null) {
            throw MuaraException.connection("lost the queue '" + settings.queue() + "' on the broker "
                    + settings.describe() + ": " + reason, null).retriable()
                    .withHint("the run starts again from its last commit; unacknowledged messages come again");
        }
    }

    /** Acknowledges every delivery up to and including {@code deliveryTag}. */
    void acknowledgeUpTo(long deliveryTag) {
        try {
            channel.basicAck(deliveryTag, true);
        } catch (IOException | ShutdownSignalException e) {
            throw MuaraException.connection("cannot acknowledge messages of queue '" + settings.queue() + "' on the broker "
                    + settings.describe() + ": " + e.getMessage(), e).retriable()
                    .withHint("the messages come again after the restart; a key with write: merge loads them once");
        }
    }

    /** Cancels the consumer and closes the connection: the broker puts every unacknowledged message back in the queue. */
    @Override
    public void close() {
        closing = true;
        if (consumerTag != null && channel.isOpen()) {
            try {
                channel.basicCancel(consumerTag);
            } catch (IOException | RuntimeException e) {
                // closing the connection below cancels the consumer as well
            }
        }
        connection.abort(timeoutMillis(settings));
    }
}
