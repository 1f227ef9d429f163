package dev.muara.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.source.SourceContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Option checks made when a source or target is created, before any broker is contacted. */
class KafkaOptionsTest {

    private static Options options(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("bootstrap_servers", List.of("kafka-1:9092", "kafka-2:9092"));
        all.putIfAbsent("topics", List.of("orders"));
        return Options.of("source 'kafka'", all);
    }

    private static void create(Map<String, Object> values) {
        new KafkaSourceConnector().create(new SourceContext("shop", "s", Path.of(".")), options(values));
    }

    private static MuaraException refused(Map<String, Object> values) {
        try {
            create(values);
        } catch (MuaraException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            return e;
        }
        throw new AssertionError("accepted " + values);
    }

    @Test
    void properties_that_load_classes_or_read_files_are_refused() {
        for (String property : List.of("key.deserializer", "value.serializer", "interceptor.classes", "partitioner.class",
                "sasl.jaas.config", "sasl.login.callback.handler.class", "ssl.truststore.location", "ssl.keystore.location",
                "config.providers", "metric.reporters", "security.providers", "sasl.oauthbearer.token.endpoint.url",
                "ssl.engine.factory.class", "SASL.JAAS.CONFIG")) {
            assertThat(refused(Map.of("properties", Map.of(property, "x"))).getMessage())
                    .as(property).contains("'" + property + "' is refused: it would let the configuration load classes or read files");
        }
    }

    @Test
    void properties_muara_sets_itself_are_refused_naming_the_option_to_use_and_others_pass_through() {
        assertThat(refused(Map.of("properties", Map.of("group.id", "g"))).getMessage())
                .contains("'group.id' is set by Muara: use the option group_id");
        assertThat(refused(Map.of("properties", Map.of("auto.offset.reset", "latest"))).getMessage()).contains("use the option start");
        assertThat(refused(Map.of("properties", Map.of("enable.auto.commit", "true"))).getMessage())
                .contains("offsets are committed after each checkpoint");
        ClientSettings client = ClientSettings.of(options(Map.of("properties", Map.of("fetch.min.bytes", "1024"))), Path.of("."));
        Properties p = client.properties();
        assertThat(p.getProperty("fetch.min.bytes")).isEqualTo("1024");
        assertThat(p.getProperty("bootstrap.servers")).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(p.getProperty("security.protocol")).isEqualTo("PLAINTEXT");
    }

    @Test
    void exactly_one_of_topics_and_topic_pattern_is_needed() {
        Map<String, Object> neither = new HashMap<>();
        neither.put("bootstrap_servers", List.of("k:9092"));
        assertThatThrownBy(() -> new KafkaSourceConnector().create(new SourceContext("p", "s", Path.of(".")),
                Options.of("source 'kafka'", neither))).hasMessageContaining("give either topics or topic_pattern");
        assertThat(refused(Map.of("topic_pattern", "orders-.*")).getMessage()).contains("give either topics or topic_pattern");
        assertThat(refused(Map.of("topics", List.of(), "topic_pattern", "(")).getMessage()).contains("not a regular expression");
        assertThat(refused(Map.of("topics", List.of("a/b"))).getMessage()).contains("is not a topic name");
    }

    @Test
    void start_is_earliest_latest_or_a_time_with_a_zone() {
        assertThat(refused(Map.of("start", "yesterday")).getMessage()).contains("is not earliest, latest or an ISO-8601 time");
        assertThat(refused(Map.of("start", "2024-05-01T00:00:00")).getMessage()).contains("with a zone");
        create(Map.of("start", "2024-05-01T00:00:00Z"));
        create(Map.of("start", "LATEST"));
    }

    @Test
    void a_login_needs_a_sasl_protocol_and_both_username_and_password() {
        assertThat(refused(Map.of("username", "u", "password", new Secret("p"))).getMessage())
                .contains("a login needs security_protocol SASL_SSL (or SASL_PLAINTEXT), not PLAINTEXT");
        assertThat(refused(Map.of("security_protocol", "SASL_SSL", "username", "u")).getMessage())
                .contains("needs a username and a password");
        assertThat(refused(Map.of("ssl_ca_file", "ca.pem")).getMessage()).contains("needs security_protocol SSL or SASL_SSL");
        assertThat(refused(Map.of("bootstrap_servers", List.of("kafka-1"))).getMessage()).contains("'kafka-1' is not host:port");
    }

    @Test
    void the_password_is_quoted_for_jaas_and_tls_checks_the_host_name_unless_told_not_to() {
        Properties p = ClientSettings.of(options(Map.of("security_protocol", "SASL_SSL", "sasl_mechanism", "SCRAM-SHA-512",
                "username", "ana", "password", new Secret("p\"w\\d"))), Path.of(".")).properties();
        assertThat(p.getProperty("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ana\" password=\"p\\\"w\\\\d\";");
        assertThat(p.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(p).doesNotContainKey("ssl.endpoint.identification.algorithm");
        Properties unverified = ClientSettings.of(options(Map.of("security_protocol", "SSL", "ssl_verify_hostname", false)),
                Path.of(".")).properties();
        assertThat(unverified.getProperty("ssl.endpoint.identification.algorithm")).isEmpty();
    }
}
