package dev.muara.connector.amqp;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Secret;
import dev.muara.formats.message.MessageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The options of the {@code amqp} source, declared once. */
final class AmqpOptions {

    private AmqpOptions() {
    }

    static final OptionSpec<String> HOST = OptionSpec.string("host", "Broker host name or address.").withDefault("localhost");

    static final OptionSpec<Long> PORT = OptionSpec.integer("port", "Broker port; default 5672, or 5671 with tls.")
            .atLeast(1).atMost(65535);

    static final OptionSpec<String> VIRTUAL_HOST = OptionSpec.string("virtual_host",
            "Virtual host the queue lives in.").withDefault("/");

    static final OptionSpec<Boolean> TLS = OptionSpec.bool("tls",
            "Connect with TLS; the broker's certificate and host name are always verified.").withDefault(false);

    static final OptionSpec<String> CA_FILE = OptionSpec.string("ssl_ca_file",
            "PEM file of the certificate authority that signed the broker's certificate, for a private CA; default: "
                    + "the JDK's trusted authorities.");

    static final OptionSpec<String> USERNAME = OptionSpec.string("username",
            "User name (RabbitMQ's built-in guest user is admitted from localhost only).").required();

    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password",
            "Password: a secret reference such as ${env:AMQP_PASSWORD}, never written in clear.").required();

    static final OptionSpec<String> QUEUE = OptionSpec.string("queue", "The queue to consume.").required().perStream();

    static final OptionSpec<Boolean> DECLARE_QUEUE = OptionSpec.bool("declare_queue",
            "Declare the queue (durable) when it does not exist, and bind it to exchange; otherwise a missing queue "
                    + "is an error.").withDefault(false).perStream();

    static final OptionSpec<String> EXCHANGE = OptionSpec.string("exchange",
            "With declare_queue: an existing exchange to bind the queue to.").perStream();

    static final OptionSpec<String> ROUTING_KEY = OptionSpec.string("routing_key",
            "With exchange: the binding key (a topic pattern such as orders.# for a topic exchange; ignored by a "
                    + "fanout exchange).").withDefault("").perStream();

    static final OptionSpec<Long> PREFETCH = OptionSpec.integer("prefetch",
            "The most messages the broker sends before Muara acknowledges them (they are acknowledged after each "
                    + "commit): the bound on memory and on what a crash brings again.").withDefault(1000L)
            .atLeast(1).atMost(65_535).perStream();

    static final OptionSpec<Duration> HEARTBEAT = OptionSpec.duration("heartbeat",
            "How often broker and Muara check the connection when no message flows; 0s turns the check off.")
            .withDefault(Duration.ofSeconds(60));

    static final OptionSpec<Duration> CONNECT_TIMEOUT = OptionSpec.duration("connect_timeout",
            "How long to wait for the broker to accept the connection, and to answer a request.")
            .withDefault(Duration.ofSeconds(10));

    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key",
            "Columns that identify a message (a message id field of the payload, or _message_id), used by write: "
                    + "merge to remove the duplicates a crash between commit and acknowledgement can bring.").perStream();

    static final List<OptionSpec<?>> ALL;

    static {
        List<OptionSpec<?>> all = new ArrayList<>(List.of(HOST, PORT, VIRTUAL_HOST, TLS, CA_FILE, USERNAME, PASSWORD,
                QUEUE, DECLARE_QUEUE, EXCHANGE, ROUTING_KEY, PREFETCH, HEARTBEAT, CONNECT_TIMEOUT, KEY));
        all.addAll(MessageOptions.ALL);
        ALL = List.copyOf(all);
    }
}
