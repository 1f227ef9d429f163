package dev.muara.connector.kafka;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Secret;
import dev.muara.formats.message.MessageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The options of the Kafka source and target, declared once. */
final class KafkaOptions {

    private KafkaOptions() {
    }

    // where the brokers are and how to log in: source and target
    static final OptionSpec<List<String>> BOOTSTRAP_SERVERS = OptionSpec.stringList("bootstrap_servers",
            "Brokers to connect to first, as host:port: [kafka-1:9092, kafka-2:9092].").required();
    static final OptionSpec<String> SECURITY_PROTOCOL = OptionSpec.oneOf("security_protocol",
            "PLAINTEXT (no TLS, no login), SSL (TLS), SASL_PLAINTEXT (login without TLS) or SASL_SSL (login over TLS).",
            "PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").withDefault("PLAINTEXT");
    static final OptionSpec<String> SASL_MECHANISM = OptionSpec.oneOf("sasl_mechanism",
            "How username and password are checked, with a SASL security_protocol.",
            "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512").withDefault("PLAIN");
    static final OptionSpec<String> USERNAME = OptionSpec.string("username", "SASL user name.");
    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password",
            "SASL password: write it as ${env:NAME} or ${file:/path}, never in clear.");
    static final OptionSpec<String> SSL_CA_FILE = OptionSpec.string("ssl_ca_file",
            "CA certificates (PEM) that sign the brokers' certificates, relative to the pipeline file; default: the "
                    + "JVM's trusted CAs.");
    static final OptionSpec<Boolean> SSL_VERIFY_HOSTNAME = OptionSpec.bool("ssl_verify_hostname",
            "With TLS, check that each broker's certificate names the host connected to.").withDefault(true);
    static final OptionSpec<Map<String, String>> PROPERTIES = OptionSpec.stringMap("properties",
            "Extra Kafka client properties (fetch.max.bytes, linger.ms, ...). Properties that load classes or read "
                    + "files (*.class, interceptor.classes, sasl.jaas.config, ssl.*.location, ...) are refused, and so "
                    + "are the ones Muara sets from other options.");
    static final OptionSpec<Duration> CONNECT_TIMEOUT = OptionSpec.duration("connect_timeout",
            "How long to wait for the brokers to answer when the run starts.").withDefault(Duration.ofSeconds(30));

    // what to read
    static final OptionSpec<List<String>> TOPICS = OptionSpec.stringList("topics",
            "Topics to read; each partition is a split read in parallel. Give topics or topic_pattern.").perStream();
    static final OptionSpec<String> TOPIC_PATTERN = OptionSpec.string("topic_pattern",
            "A regular expression: every topic whose whole name matches it when the run starts is read.").perStream();
    static final OptionSpec<String> GROUP_ID = OptionSpec.string("group_id",
            "Consumer group that offsets are committed to after each checkpoint, for monitoring tools; default "
                    + "muara-<pipeline name>. Positions themselves are stored with the data.");
    static final OptionSpec<String> START = OptionSpec.string("start",
            "Where a partition starts when neither the pipeline state nor the group has an offset for it: earliest, "
                    + "latest, or an ISO-8601 time (2024-05-01T00:00:00Z) to read the records from that time on.")
            .withDefault("earliest").perStream();
    static final OptionSpec<String> FORMAT = OptionSpec.oneOf("format", MessageOptions.FORMAT.description()
                    + " Kafka also reads avro: one row per record, decoded with avro_schema or avro_schema_file "
                    + "(with or without the Confluent 5-byte schema id prefix).",
            "json", "csv", "text", "bytes", "avro").withDefault("json").perStream();
    static final OptionSpec<String> AVRO_SCHEMA = OptionSpec.string("avro_schema",
            "format: avro: the writer's schema, as JSON text.").perStream();
    static final OptionSpec<String> AVRO_SCHEMA_FILE = OptionSpec.string("avro_schema_file",
            "format: avro: a file holding the writer's schema (.avsc), relative to the pipeline file.").perStream();

    // where to write
    static final OptionSpec<String> TOPIC = OptionSpec.string("topic",
            "The topic to write to, for a pipeline with one stream; default: the stream's table name.");
    static final OptionSpec<String> KEY_COLUMN = OptionSpec.string("key_column",
            "Column whose value (as text) is each record's key, so records of one key keep their order and can be "
                    + "deduplicated; default: no key.").perStream();
    static final OptionSpec<String> COMPRESSION = OptionSpec.oneOf("compression",
            "How record batches are compressed.", "none", "gzip", "snappy", "lz4", "zstd").withDefault("lz4");

    /** The options that say where the brokers are and how to log in. */
    static final List<OptionSpec<?>> CONNECTION = List.of(BOOTSTRAP_SERVERS, SECURITY_PROTOCOL, SASL_MECHANISM, USERNAME,
            PASSWORD, SSL_CA_FILE, SSL_VERIFY_HOSTNAME, PROPERTIES, CONNECT_TIMEOUT);

    /** Every source option: the connection, what to read, and how payloads become rows. */
    static final List<OptionSpec<?>> SOURCE = source();

    /** Every target option. */
    static final List<OptionSpec<?>> TARGET = target();

    private static List<OptionSpec<?>> source() {
        List<OptionSpec<?>> all = new ArrayList<>(CONNECTION);
        all.addAll(List.of(TOPICS, TOPIC_PATTERN, GROUP_ID, START));
        for (OptionSpec<?> payload : MessageOptions.ALL) {
            all.add(payload.key().equals(FORMAT.key()) ? FORMAT : payload);
        }
        all.addAll(List.of(AVRO_SCHEMA, AVRO_SCHEMA_FILE));
        return List.copyOf(all);
    }

    private static List<OptionSpec<?>> target() {
        List<OptionSpec<?>> all = new ArrayList<>(CONNECTION);
        all.addAll(List.of(TOPIC, KEY_COLUMN, COMPRESSION));
        return List.copyOf(all);
    }
}
