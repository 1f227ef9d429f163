package dev.muara.connector.kafka;

import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach the brokers and log in, from a connector's options: the client properties every consumer,
 * producer and admin client of a source or target starts from. Extra {@code properties} that make the client load
 * classes or read files are refused, since they turn a configuration value into code execution or file disclosure;
 * so are the ones Muara sets itself, which the pipeline sets through options.
 */
final class ClientSettings {

    /** Fragments of property names that give the client power over classes, files or login modules. */
    private static final String[] REFUSED = {"class", "serializer", "deserializer", "jaas", "login", "callback",
        "location", "keystore", "truststore", "provider", "reporters", "kerberos", "oauthbearer", "factory"};

    /** Properties Muara sets, and the option (or reason) that sets them. */
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry("bootstrap.servers", "use the option bootstrap_servers"),
            Map.entry("security.protocol", "use the option security_protocol"),
            Map.entry("sasl.mechanism", "use the option sasl_mechanism"),
            Map.entry("ssl.endpoint.identification.algorithm", "use the option ssl_verify_hostname"),
            Map.entry("group.id", "use the option group_id"),
            Map.entry("auto.offset.reset", "use the option start"),
            Map.entry("enable.auto.commit", "offsets are committed after each checkpoint"),
            Map.entry("enable.idempotence", "the producer is always idempotent"),
            Map.entry("acks", "every write waits for all in-sync replicas"),
            Map.entry("compression.type", "use the option compression"),
            Map.entry("transactional.id", "the target writes without Kafka transactions"));

    /** The largest CA file read: a bundle of a few hundred certificates. */
    private static final long MAX_CA_FILE = 1 << 20;

    private final String servers;
    private final Properties properties;
    private final Duration timeout;

    private ClientSettings(String servers, Properties properties, Duration timeout) {
        this.servers = servers;
        this.properties = properties;
        this.timeout = timeout;
    }

    /** The settings of {@code options}, checked; relative paths resolve against {@code base}. */
    static ClientSettings of(Options options, Path base) {
        Properties p = new Properties();
        List<String> servers = options.get(KafkaOptions.BOOTSTRAP_SERVERS);
        for (String server : servers) {
            int colon = server.lastIndexOf(':');
            if (colon <= 0 || !server.substring(colon + 1).matches("\\d{1,5}") || server.chars().anyMatch(c -> c <= ' ' || c == ',')) {
                throw options.invalid(KafkaOptions.BOOTSTRAP_SERVERS, "'" + server + "' is not host:port");
            }
        }
        String joined = String.join(",", servers);
        p.setProperty("bootstrap.servers", joined);
        String protocol = options.get(KafkaOptions.SECURITY_PROTOCOL);
        p.setProperty("security.protocol", protocol);
        boolean sasl = protocol.startsWith("SASL_");
        boolean tls = protocol.endsWith("SSL");
        String username = options.get(KafkaOptions.USERNAME);
        Secret password = options.get(KafkaOptions.PASSWORD);
        if (sasl) {
            if (username == null || password == null) {
                throw options.invalid(username == null ? KafkaOptions.USERNAME : KafkaOptions.PASSWORD,
                        "security_protocol " + protocol + " needs a username and a password");
            }
            String mechanism = options.get(KafkaOptions.SASL_MECHANISM);
            p.setProperty("sasl.mechanism", mechanism);
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.setProperty("sasl.jaas.config", module + " required username=" + jaasQuote(username)
                    + " password=" + jaasQuote(password.reveal()) + ";");
        } else if (username != null || password != null) {
            throw options.invalid(username != null ? KafkaOptions.USERNAME : KafkaOptions.PASSWORD,
                    "a login needs security_protocol SASL_SSL (or SASL_PLAINTEXT), not " + protocol);
        }
        String caFile = options.get(KafkaOptions.SSL_CA_FILE);
        if (caFile != null) {
            if (!tls) {
                throw options.invalid(KafkaOptions.SSL_CA_FILE, "a CA file needs security_protocol SSL or SASL_SSL, not " + protocol);
            }
            p.setProperty("ssl.truststore.type", "PEM");
            Path root = base == null ? Path.of("") : base;
            p.setProperty("ssl.truststore.certificates", readCaFile(options, root.resolve(caFile).normalize()));
        }
        if (tls && !options.get(KafkaOptions.SSL_VERIFY_HOSTNAME)) {
            p.setProperty("ssl.endpoint.identification.algorithm", "");
        }
        Map<String, String> extra = options.get(KafkaOptions.PROPERTIES) == null ? Map.of() : options.get(KafkaOptions.PROPERTIES);
        for (Map.Entry<String, String> property : extra.entrySet()) {
            String key = property.getKey().strip().toLowerCase(Locale.ROOT);
            for (String refused : REFUSED) {
                if (key.contains(refused)) {
                    throw options.invalid(KafkaOptions.PROPERTIES, "the client property '" + property.getKey()
                            + "' is refused: it would let the configuration load classes or read files");
                }
            }
            String owner = OWNED.get(key);
            if (owner != null) {
                throw options.invalid(KafkaOptions.PROPERTIES, "the client property '" + property.getKey()
                        + "' is set by Muara: " + owner);
            }
            p.setProperty(key, property.getValue());
        }
        return new ClientSettings(joined, p, options.get(KafkaOptions.CONNECT_TIMEOUT));
    }

    /** A JAAS option value in double quotes; the parser reads backslash escapes inside them. */
    private static String jaasQuote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String readCaFile(Options options, Path file) {
        try {
            if (Files.size(file) > MAX_CA_FILE) {
                throw options.invalid(KafkaOptions.SSL_CA_FILE, file + " is larger than 1 MB: it should hold PEM certificates");
            }
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw options.invalid(KafkaOptions.SSL_CA_FILE, file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return pem;
        } catch (IOException e) {
            throw options.invalid(KafkaOptions.SSL_CA_FILE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A copy of the client properties, for one client to add its own to. */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** How long a call that needs the brokers waits for them. */
    Duration timeout() {
        return timeout;
    }

    /** The brokers, for messages: {@code kafka-1:9092,kafka-2:9092}; never a secret. */
    String describe() {
        return servers;
    }

    /** Properties for an admin client, whose calls give up after {@link #timeout()}. */
    Properties admin(String clientId) {
        Properties p = properties();
        p.setProperty("client.id", clientId);
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        p.setProperty("default.api.timeout.ms", millis);
        p.setProperty("request.timeout.ms", millis);
        return p;
    }
}
