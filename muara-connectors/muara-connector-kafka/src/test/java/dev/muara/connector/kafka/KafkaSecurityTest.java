package dev.muara.connector.kafka;

import static dev.muara.connector.kafka.KafkaTesting.kafka;
import static dev.muara.connector.kafka.KafkaTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Secret;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.testkit.kafka.EmbeddedKafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.Test;

/**
 * Logging in and TLS against the broker's SASL and SSL listeners: right and wrong passwords with PLAIN and SCRAM, the
 * broker's CA trusted or not, and the host name checked unless told not to.
 */
class KafkaSecurityTest {

    private static Map<String, Object> login(String topic, String mechanism, String user, String password) {
        Map<String, Object> options = new HashMap<>();
        options.put("topics", List.of(topic));
        options.put("bootstrap_servers", List.of(kafka().saslBootstrapServers()));
        options.put("security_protocol", "SASL_PLAINTEXT");
        options.put("sasl_mechanism", mechanism);
        options.put("username", user);
        options.put("password", new Secret(password));
        return options;
    }

    @Test
    void the_right_password_reads_with_plain_and_with_scram() throws Exception {
        String topic = kafka().newTopic("login", 2);
        try (Source source = source(login(topic, "PLAIN", EmbeddedKafka.USER, EmbeddedKafka.PASSWORD))) {
            assertThat(source.plan(PlanContext.FIRST_RUN)).hasSize(2);
        }
        // a password with a quote and a backslash survives the JAAS configuration
        String password = "se\"cr\\et";
        try (Admin admin = kafka().admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("odd",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password))).all().get(30, TimeUnit.SECONDS);
        }
        try (Source source = source(login(topic, "SCRAM-SHA-256", "odd", password))) {
            assertThat(source.plan(PlanContext.FIRST_RUN)).hasSize(2);
        }
    }

    @Test
    void a_wrong_password_is_a_connection_error_that_says_the_login_was_refused_and_is_not_retried() throws Exception {
        try (Source source = source(login("any", "PLAIN", EmbeddedKafka.USER, "wrong-password"))) {
            assertThatThrownBy(() -> source.plan(PlanContext.FIRST_RUN)).isInstanceOfSatisfying(MuaraException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                assertThat(e.isRetriable()).isFalse();
                assertThat(e.getMessage()).contains("the brokers refused the login").doesNotContain("wrong-password");
                assertThat(e.hint()).contains("check username, password and sasl_mechanism");
            });
        }
    }

    private static Map<String, Object> tls(String topic, String servers) {
        Map<String, Object> options = new HashMap<>();
        options.put("topics", List.of(topic));
        options.put("bootstrap_servers", List.of(servers));
        options.put("security_protocol", "SSL");
        options.put("connect_timeout", java.time.Duration.ofSeconds(5));
        return options;
    }

    @Test
    void tls_with_the_brokers_ca_file_reads_and_the_host_name_must_match_the_certificate() throws Exception {
        String topic = kafka().newTopic("tls", 1);
        Map<String, Object> trusted = tls(topic, kafka().sslBootstrapServers());
        trusted.put("ssl_ca_file", kafka().certificate().toString());
        try (Source source = source(trusted)) {
            assertThat(source.plan(PlanContext.FIRST_RUN)).hasSize(1);
        }
        // the certificate names 127.0.0.1 only: "localhost" does not match it
        String byName = kafka().sslBootstrapServers().replace("127.0.0.1", "localhost");
        Map<String, Object> otherName = tls(topic, byName);
        otherName.put("ssl_ca_file", kafka().certificate().toString());
        try (Source source = source(otherName)) {
            assertThatThrownBy(() -> source.plan(PlanContext.FIRST_RUN)).isInstanceOfSatisfying(MuaraException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                assertThat(e.getMessage()).contains("the TLS handshake with the brokers failed");
            });
        }
        otherName.put("ssl_verify_hostname", false);
        try (Source source = source(otherName)) {
            assertThat(source.plan(PlanContext.FIRST_RUN)).hasSize(1);
        }
    }

    @Test
    void tls_without_the_brokers_ca_fails_with_a_hint_to_give_it() throws Exception {
        try (Source source = source(tls("any", kafka().sslBootstrapServers()))) {
            assertThatThrownBy(() -> source.plan(PlanContext.FIRST_RUN)).isInstanceOfSatisfying(MuaraException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                assertThat(e.isRetriable()).isFalse();
                assertThat(e.getMessage()).contains("the TLS handshake with the brokers failed");
                assertThat(e.hint()).contains("ssl_ca_file");
            });
        }
    }
}
