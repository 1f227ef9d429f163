package dev.muara.connector.mqtt;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Secret;
import dev.muara.formats.message.MessageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The options of the {@code mqtt} source, declared once. */
final class MqttOptions {

    private MqttOptions() {
    }

    static final OptionSpec<String> HOST = OptionSpec.string("host", "Broker host name or address.").withDefault("localhost");

    static final OptionSpec<Long> PORT = OptionSpec.integer("port", "Broker port; default 1883, or 8883 with tls.")
            .atLeast(1).atMost(65535);

    static final OptionSpec<Boolean> TLS = OptionSpec.bool("tls",
            "Connect with TLS; the broker's certificate and host name are always verified.").withDefault(false);

    static final OptionSpec<String> CA_FILE = OptionSpec.string("ssl_ca_file",
            "PEM file of the certificate authority that signed the broker's certificate, for a private CA; default: "
                    + "the JDK's trusted authorities.");

    static final OptionSpec<String> USERNAME = OptionSpec.string("username", "User name.");

    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password",
            "Password: a secret reference such as ${env:MQTT_PASSWORD}, never written in clear.");

    static final OptionSpec<String> PROTOCOL = OptionSpec.oneOf("protocol", "MQTT version: 5 or 3.1.1.", "5", "3.1.1")
            .withDefault("5");

    static final OptionSpec<List<String>> TOPICS = OptionSpec.stringList("topics",
            "Topic filters to subscribe to, with + for one level and # for the rest: [sensors/+/temperature, "
                    + "plant/#].").required().perStream();

    static final OptionSpec<Long> QOS = OptionSpec.integer("qos",
            "Quality of service: 1 (at least once; the default) or 2 (exactly once between broker and Muara) keep every "
                    + "message until it is committed; 0 (at most once) can lose messages.").withDefault(1L).atLeast(0)
            .atMost(2).perStream();

    static final OptionSpec<String> CLIENT_ID = OptionSpec.string("client_id",
            "Client identifier, which names the broker session: keep it stable so messages published while Muara is "
                    + "down wait for it; default muara-<pipeline>-<stream>.").perStream();

    static final OptionSpec<Boolean> CLEAN_START = OptionSpec.bool("clean_start",
            "Start with a new session, dropping what the broker kept for this client (clean session in 3.1.1).")
            .withDefault(false).perStream();

    static final OptionSpec<Duration> SESSION_EXPIRY = OptionSpec.duration("session_expiry",
            "MQTT 5: how long the broker keeps the session and its messages while Muara is away.")
            .withDefault(Duration.ofDays(7)).perStream();

    static final OptionSpec<Long> RECEIVE_MAXIMUM = OptionSpec.integer("receive_maximum",
            "The most messages the broker may send before Muara acknowledges them (they are acknowledged after "
                    + "each commit); the broker may allow fewer. MQTT 5 tells the broker; with 3.1.1 Muara commits when "
                    + "half as many wait, whatever the broker sends.").withDefault(10_000L).atLeast(1).atMost(65_535)
            .perStream();

    static final OptionSpec<Duration> KEEP_ALIVE = OptionSpec.duration("keep_alive",
            "How often the connection is checked when no message flows.").withDefault(Duration.ofSeconds(60));

    static final OptionSpec<Duration> CONNECT_TIMEOUT = OptionSpec.duration("connect_timeout",
            "How long to wait for the broker to accept the connection.").withDefault(Duration.ofSeconds(10));

    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key",
            "Columns that identify a message (a message id field of the payload), used by write: merge to remove the "
                    + "duplicates a crash between commit and acknowledgement can bring.").perStream();

    static final List<OptionSpec<?>> ALL;

    static {
        List<OptionSpec<?>> all = new ArrayList<>(List.of(HOST, PORT, TLS, CA_FILE, USERNAME, PASSWORD, PROTOCOL, TOPICS,
                QOS, CLIENT_ID, CLEAN_START, SESSION_EXPIRY, RECEIVE_MAXIMUM, KEEP_ALIVE, CONNECT_TIMEOUT, KEY));
        all.addAll(MessageOptions.ALL);
        ALL = List.copyOf(all);
    }
}
