package dev.muara.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.muara.api.data.Batch;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS to the broker: the certificate and the host name are verified, a private CA can be named. */
class MqttTlsTest {

    private static final String PASSWORD = "test-only";

    @TempDir
    static Path dir;

    private static TestBrokers.Broker broker;
    private static Path keyStore;

    /** A self-signed certificate for the name localhost only, made with the JDK's keytool. */
    @BeforeAll
    static void broker() throws Exception {
        keyStore = TestCertificates.selfSignedForLocalhost(dir, PASSWORD);
        broker = TestBrokers.startMoquetteTls(keyStore, PASSWORD);
    }

    private static Map<String, Object> options(String host) {
        Map<String, Object> options = MqttTesting.options("tls-client", "secure/data");
        options.put("host", host);
        options.put("port", (long) broker.port());
        options.put("tls", true);
        options.put("protocol", "3.1.1");
        options.put("connect_timeout", Duration.ofSeconds(5));
        return options;
    }

    private static SplitReader open(Source source) throws Exception {
        return source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, new RecordingReaderContext("s", 100, new ArrayList<>()));
    }

    @Test
    void a_broker_certified_by_the_named_authority_is_read_over_tls() throws Exception {
        Map<String, Object> options = options("localhost");
        options.put("ssl_ca_file", "ca.pem");
        Source source = MqttTesting.source(dir, options);
        try (SplitReader reader = open(source)) {
            publishOverTls("{\"n\": 1}");
            int rows = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (rows == 0 && System.nanoTime() < deadline) {
                Batch batch = reader.next(Duration.ofMillis(100));
                rows += batch.rowCount();
            }
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void a_certificate_no_trusted_authority_signed_is_refused() {
        Source source = MqttTesting.source(dir, options("localhost"));
        assertThatThrownBy(() -> open(source)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("failed the TLS handshake");
    }

    @Test
    void a_certificate_for_another_name_is_refused() {
        Map<String, Object> options = options("127.0.0.1");
        options.put("ssl_ca_file", "ca.pem");
        Source source = MqttTesting.source(dir, options);
        assertThatThrownBy(() -> open(source)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("failed the TLS handshake");
    }

    @Test
    void a_ca_file_without_tls_is_a_configuration_error() {
        Map<String, Object> options = MqttTesting.options("c", "a/b");
        options.put("ssl_ca_file", "ca.pem");
        assertThatThrownBy(() -> MqttTesting.source(dir, options)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("only used with tls: true");
    }

    private static void publishOverTls(String payload) throws Exception {
        KeyStore trust = KeyStore.getInstance("JKS");
        try (var in = Files.newInputStream(keyStore)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier("tls-publisher")
                .serverHost("localhost").serverPort(broker.port())
                .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(factory).build()).buildBlocking();
        client.connect();
        client.publishWith().topic("secure/data").qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        client.disconnect();
    }

}
