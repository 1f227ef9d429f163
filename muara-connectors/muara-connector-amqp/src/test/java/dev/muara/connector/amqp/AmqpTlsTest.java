package dev.muara.connector.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.TestCertificates;
import dev.muara.testkit.amqp.RabbitMqQueues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the broker: the certificate and the host name are verified, a private CA can be named. The local RabbitMQ
 * has no TLS listener, so a TLS-terminating proxy with a certificate for localhost stands in front of it.
 */
class AmqpTlsTest {

    private static final String PASSWORD = "test-only";

    @TempDir
    static Path dir;

    private static TlsProxy proxy;

    private final String queue = AmqpTesting.freshQueue();

    @BeforeAll
    static void proxy() throws Exception {
        TestBrokers.Broker broker = TestBrokers.rabbitMq();
        proxy = TlsProxy.start(TestCertificates.selfSignedForLocalhost(dir, PASSWORD), PASSWORD, broker.host(), broker.port());
    }

    @AfterAll
    static void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    @AfterEach
    void deleteQueue() throws Exception {
        RabbitMqQueues.delete(queue);
    }

    private Map<String, Object> options(String host) throws Exception {
        RabbitMqQueues.declare(queue);
        Map<String, Object> options = AmqpTesting.options(queue);
        options.put("host", host);
        options.put("port", (long) proxy.port());
        options.put("tls", true);
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
        Source source = AmqpTesting.source(dir, options);
        try (SplitReader reader = open(source)) {
            AmqpTesting.publish(queue, List.of("{\"n\": 1}".getBytes(StandardCharsets.UTF_8)));
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
    void a_certificate_no_trusted_authority_signed_is_refused() throws Exception {
        Source source = AmqpTesting.source(dir, options("localhost"));
        assertThatThrownBy(() -> open(source)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("failed the TLS handshake")
                .satisfies(e -> assertThat(((MuaraException) e).isRetriable()).isFalse());
    }

    @Test
    void a_certificate_for_another_name_is_refused() throws Exception {
        Map<String, Object> options = options("127.0.0.1");
        options.put("ssl_ca_file", "ca.pem");
        Source source = AmqpTesting.source(dir, options);
        assertThatThrownBy(() -> open(source)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("failed the TLS handshake");
    }
}
