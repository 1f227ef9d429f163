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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transform chains on a stream: Kafka into PostgreSQL, cleaned, enriched, checked and protected on the way. */
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
        List<String> payments = new ArrayList<>();
        for (int n = 1; n <= TOTAL; n++) {
            payments.add(payment(n));
        }
        publish(kafka, topic, payments);
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = Files.writeString(dir.resolve("payments.yaml"), """
                name: payments
                pii: [email]
                %s
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
                """.formatted(kafkaSource(kafka, topic)) + StreamLoads.postgresTarget(database, "append"));

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

    /** The message {@code n} of the cleaning test; {@code late} is its later duplicate. */
    private static String person(int n, boolean late) {
        String name = late ? "LATE" : n % 77 == 0 ? "  " + "é".repeat(3_000) + n + "\t" : "  Ädä Nür " + n + " \n";
        return "{\"seq\": " + n + ", \"FullName\": " + json(name)
                + ", \"email\": " + (n % 111 == 0 ? "null" : json("User" + n + "@Example.COM"))
                + ", \"phone\": " + json("+62 (812) 000-" + n) + ", \"note\": " + json("private note " + n)
                + ", \"nick\": " + (n % 5 == 0 ? "null" : json("nick" + n)) + ", \"alias\": " + json("al" + n)
                + ", \"at\": " + json("2026-11-26 %02d:%02d:00".formatted(n % 24, n % 60))
                + ", \"country\": " + json(n % 3 == 0 ? "ID" : n % 3 == 1 ? "DE" : "XX")
                + ", \"tags\": " + (n % 4 == 0 ? "null" : json(n % 3 == 0 ? "gift" : " gift ,express "))
                + ", \"currency\": " + json(n % 60 == 0 ? "USD" : "IDR")
                + ", \"ticket\": " + json(n % 300 == 150 ? "T1" : "T" + n)
                + ", \"code\": " + json(n % 97 == 0 ? "bad" + n : "C-" + n) + "}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }

    /** The rows person {@code n} becomes, as {@link #rows} reads them; none when a check rejects it. */
    private static List<String> expectedRows(int n) {
        if (n % 111 == 0 || n % 300 == 150 || n % 97 == 0 || n % 101 == 0) {
            return List.of();
        }
        String digits = "62812000" + n;
        String row = String.join("|", String.valueOf(n),
                n % 77 == 0 ? "é".repeat(3_000) + n : "Ädä Nür " + n, "user" + n + "@example.com",
                "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4), "[REDACTED]",
                n % 5 == 0 ? "al" + n : "nick" + n, n % 5 == 0 ? "anon" : "nick" + n,
                String.valueOf(LocalDateTime.of(2026, 11, 26, n % 24, n % 60).atZone(ZoneId.of("Asia/Jakarta"))
                        .toEpochSecond()),
                n % 3 == 0 ? "ID" : n % 3 == 1 ? "DE" : "XX", n % 3 == 0 ? "Indonesia" : n % 3 == 1 ? "Germany" : "null");
        String currency = n % 60 == 0 ? "USD" : "IDR";
        if (n % 4 == 0) {
            return List.of(row + "|null|" + currency);
        }
        if (n % 3 == 0) {
            return List.of(row + "|gift|" + currency);
        }
        return List.of(row + "|gift|" + currency, row + "|express|" + currency);
    }

    @Test
    void a_chain_cleans_enriches_explodes_dedupes_and_checks_a_stream_into_postgresql_exactly() throws Exception {
        int people = 600;
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = kafka.newTopic("people", 1); // one partition: "first" means first published
        List<String> messages = new ArrayList<>();
        for (int n = 1; n <= people; n++) {
            messages.add(person(n, false));
        }
        for (int n = 25; n <= people; n += 25) {
            messages.add(person(n, true));
        }
        publish(kafka, topic, messages);
        Files.writeString(dir.resolve("countries.csv"), "code,country_name\nID,Indonesia\nDE,Germany\n");
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = Files.writeString(dir.resolve("people.yaml"), """
                name: people
                %s
                transforms:
                  - {type: rename, columns: {FullName: name}}
                  - {type: dedupe, key: [seq]}
                  - {type: trim, columns: [name]}
                  - {type: lower, columns: [email]}
                  - {type: check, rule: not_null, column: email}
                  - {type: check, rule: unique, column: ticket}
                  - {type: check, rule: regex, column: code, pattern: "C-[0-9]+"}
                  - {type: check, rule: expression, expression: "seq %% 101 != 0", name: no 101s}
                  - {type: check, rule: in, column: currency, values: [IDR], action: warn}
                  - {type: replace, columns: [phone], pattern: "[^0-9]", replacement: ""}
                  - {type: mask, columns: [phone], keep_last: 4}
                  - {type: redact, columns: [note]}
                  - {type: coalesce, column: display, from: [nick, alias]}
                  - {type: default, columns: {nick: anon}}
                  - {type: timestamp, columns: [at], zone: Asia/Jakarta, format: "yyyy-MM-dd HH:mm:ss"}
                  - {type: lookup, file: countries.csv, key: code, on: country, columns: [country_name]}
                  - {type: split, column: tags, separator: ","}
                  - {type: explode, column: tags, keep_empty: true}
                  - {type: select, columns: [seq, name, email, phone, note, display, nick, at, country, country_name, tags, currency]}
                errors: {max_rejects: 1000}
                checkpoint: {interval: 200ms}
                """.formatted(kafkaSource(kafka, topic)) + StreamLoads.postgresTarget(database, "append"));

        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= people; n++) {
            expected.addAll(expectedRows(n));
        }
        long survivors = expected.stream().map(row -> row.substring(0, row.indexOf('|'))).distinct().count();
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
            awaitRows(database, survivors, 120, muara);
            StreamLoads.stop(muara);
            assertThat(muara.text())
                    .containsPattern("readings\\s+not_null email\\s+600\\s+5\\s")
                    .containsPattern("readings\\s+unique ticket\\s+595\\s+2\\s")
                    .containsPattern("readings\\s+regex code\\s+593\\s+6\\s")
                    .containsPattern("readings\\s+no 101s\\s+587\\s+5\\s")
                    .containsPattern("readings\\s+in currency\\s+582\\s+10\\s");
        }
        assertThat(rows(database)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'readings'"
                + " AND column_name = 'at' AND data_type = 'timestamp with time zone'")).isOne();
    }

    /** Every row of {@code readings}, its columns joined by {@code |}, the time as epoch seconds. */
    private static List<String> rows(String database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabases.postgresConnection(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT seq, name, email, phone, note, display, nick,"
                        + " extract(epoch FROM at)::bigint, country, country_name, tags, currency FROM readings")) {
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= 12; i++) {
                    values.add(String.valueOf(r.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void publish(EmbeddedKafka kafka, String topic, List<String> messages) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            messages.forEach(message -> producer.send(new ProducerRecord<>(topic, message)));
        }
    }

    /** A {@code source:} block reading {@code topic} from its start, without the message's own columns. */
    private static String kafkaSource(EmbeddedKafka kafka, String topic) {
        return """
                source:
                  type: kafka
                  bootstrap_servers: [%s]
                  topics: [%s]
                  start: earliest
                  metadata: false""".formatted(kafka.bootstrapServers(), topic);
    }

    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
