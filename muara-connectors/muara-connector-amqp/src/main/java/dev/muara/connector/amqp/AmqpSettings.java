package dev.muara.connector.amqp;

import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.source.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the broker and which queue to consume, from validated options.
 *
 * @param caFile the private CA's PEM file, or null for the JDK's trusted authorities
 * @param exchange the exchange to bind a declared queue to, or null
 * @param connectionName the name the broker shows for the connection (management UI, logs)
 */
record AmqpSettings(String host, int port, String virtualHost, boolean tls, Path caFile, String username,
        Secret password, String queue, boolean declareQueue, String exchange, String routingKey, int prefetch,
        Duration heartbeat, Duration connectTimeout, String connectionName) {

    static AmqpSettings of(SourceContext context, Options options) {
        boolean tls = options.get(AmqpOptions.TLS);
        Long port = options.get(AmqpOptions.PORT);
        Path caFile = null;
        String ca = options.get(AmqpOptions.CA_FILE);
        if (ca != null) {
            if (!tls) {
                throw options.invalid(AmqpOptions.CA_FILE, "is only used with tls: true");
            }
            caFile = context.baseDirectory().resolve(ca).normalize();
            if (!Files.isReadable(caFile)) {
                throw options.invalid(AmqpOptions.CA_FILE, "cannot read " + caFile);
            }
        }
        String username = options.get(AmqpOptions.USERNAME);
        Secret password = options.get(AmqpOptions.PASSWORD);
        if (password == null) {
            // no built-in default, not even RabbitMQ's guest: a credential is always the pipeline's own secret
            throw options.invalid(AmqpOptions.PASSWORD, "is required for user " + username)
                    .withHint("write it as a secret reference: password: ${env:AMQP_PASSWORD}");
        }
        boolean declare = options.get(AmqpOptions.DECLARE_QUEUE);
        String exchange = options.get(AmqpOptions.EXCHANGE);
        if (exchange != null && !declare) {
            throw options.invalid(AmqpOptions.EXCHANGE, "is only used with declare_queue: true")
                    .withHint("bind an existing queue with the broker's own tools, or let Muara declare it");
        }
        if (options.isSet(AmqpOptions.ROUTING_KEY) && exchange == null) {
            throw options.invalid(AmqpOptions.ROUTING_KEY, "is only used with exchange");
        }
        String queue = options.get(AmqpOptions.QUEUE);
        if (queue.isEmpty() || queue.length() > 255) {
            throw options.invalid(AmqpOptions.QUEUE, "must be 1 to 255 characters long");
        }
        Duration heartbeat = options.get(AmqpOptions.HEARTBEAT);
        if (heartbeat.isNegative() || heartbeat.toSeconds() > 65_535) {
            throw options.invalid(AmqpOptions.HEARTBEAT, "must be between 0s and 65535s");
        }
        Duration connectTimeout = options.get(AmqpOptions.CONNECT_TIMEOUT);
        if (connectTimeout.toMillis() < 1 || connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw options.invalid(AmqpOptions.CONNECT_TIMEOUT, "must be between 1ms and 24 days");
        }
        return new AmqpSettings(options.get(AmqpOptions.HOST), port != null ? port.intValue() : tls ? 5671 : 5672,
                options.get(AmqpOptions.VIRTUAL_HOST), tls, caFile, username, password, queue, declare, exchange,
                options.get(AmqpOptions.ROUTING_KEY), options.get(AmqpOptions.PREFETCH).intValue(), heartbeat,
                connectTimeout, "muara " + context.pipeline() + "/" + context.stream());
    }

    /** What to call the broker in messages: {@code amqp://host:5672/vhost}; never a secret. */
    String describe() {
        return (tls ? "amqps://" : "amqp://") + host + ":" + port + (virtualHost.startsWith("/") ? "" : "/") + virtualHost;
    }
}
