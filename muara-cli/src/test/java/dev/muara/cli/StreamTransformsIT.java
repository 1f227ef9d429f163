package dev.muara.cli;

import static dev.muara.cli.StreamLoads.awaitRows;
import static dev.muara.cli.StreamLoads.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import dev.muara.testkit.kafka.EmbeddedKafka;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transform chain on a stream: Kafka into PostgreSQL, cleaned, filtered, checked and hashed on the way. */
class StreamTransformsIT {

    private static final String KEY = "a-key-of-at-least-16-bytes";
    private static final int TOTAL = 1_000;

    @TempDir
    Path dir;

    /**
     * Payment {@code n}: every 10th is cancelled, every 100th has an amount that is not a number, and those with
     * {@code n % 50 == 7} a negative one.
     */
    private static String payment(int n) {
        String amount = n % 100 == 0 ? "abc" : (n % 50 == 7 ? "-" : "") + n + ".25";
        return "{\"seq\": " + n + ", \"email\": \"User" + n + "@Example.com\", \"amount\": \"" + amount
                + "\", \"currency\": \"idr\", \"status\": \"" + (n % 10 == 0 ? "cancelled" : "paid") + "\"}";
    }

    @Test
    void a_chain_casts_filters_checks_derives_and_hashes_a_stream_into_postgresql_exactly() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = kafka.newTopic("payments", 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (int n = 1; n <= TOTAL; n++) {
                producer.send(new ProducerRecord<>(topic, payment(n)));
            }
        }
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = Files.writeString(dir.resolve("payments.yaml"), """
                name: payments
                pii: [email]
                source:
                  type: kafka
                  bootstrap_servers: [%s]
                  topics: [%s]
                  start: earliest
                  metadata: false
                  columns: {amount: string}
                transforms:
                  - {type: cast, columns: {amount: "decimal(12,2)"}}
                  - {type: filter, expression: "status != 'cancelled'"}
                  - {type: check, rule: range, column: amount, min: "0", name: no refunds here}
                  - {type: upper, columns: [currency]}
                  - {type: derive, column: large, expression: "amount > 500.0"}
                  - {type: hash, columns: [email], key: "${env:PII_KEY}", normalize: lower_trim}
                  - {type: drop, columns: [status]}
                errors: {max_rejects: 1000}
                checkpoint: {interval: 200ms}
                """.formatted(kafka.bootstrapServers(), topic) + StreamLoads.postgresTarget(database, "append"));

        long expected = TOTAL - TOTAL / 100 - (TOTAL / 10 - TOTAL / 100) - TOTAL / 50;
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of("PII_KEY", KEY), "256m", "run", pipeline.toString())) {
            awaitRows(database, expected, 120, muara);
            StreamLoads.stop(muara);
            assertThat(muara.text()).containsPattern("readings\\s+no refunds here\\s+900\\s+20\\s");
        }
        assertThat(count(database, "SELECT count(*) FROM readings")).isEqualTo(expected);
        assertThat(count(database, "SELECT count(*) FROM readings WHERE seq % 10 = 0 OR seq % 50 = 7")).isZero();
        assertThat(count(database, "SELECT count(*) FROM readings WHERE currency <> 'IDR'")).isZero();
        assertThat(count(database, "SELECT count(*) FROM readings WHERE large <> (amount > 500)")).isZero();
        assertThat(count(database, "SELECT count(*) FROM readings WHERE email LIKE '%@%'")).isZero();
        try (Connection c = TestDatabases.postgresConnection(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT amount, email FROM readings WHERE seq = 123")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBigDecimal(1)).isEqualTo(new BigDecimal("123.25"));
            assertThat(r.getString(2)).isEqualTo(hmac("user123@example.com"));
        }
    }

    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
