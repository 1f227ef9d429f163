package dev.muara.connector.kafka;

import static dev.muara.connector.kafka.KafkaTesting.consume;
import static dev.muara.connector.kafka.KafkaTesting.kafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import dev.muara.testkit.Rows;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Kafka target against a real broker: JSON records with keys, commits that flush, append only. */
class KafkaSinkTest {

    private static final Schema ORDERS = Schema.of(new Field("id", DataType.INT64), new Field("name", DataType.STRING),
            new Field("amount", DataType.decimal(10, 2)), new Field("day", DataType.DATE),
            new Field("at", DataType.TIMESTAMP_TZ), new Field("extra", DataType.JSON), new Field("ok", DataType.BOOLEAN));

    private static Options options(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("bootstrap_servers", List.of(kafka().bootstrapServers()));
        return Options.of("target 'kafka'", all);
    }

    private static Sink sink(Map<String, Object> values) {
        return new KafkaSinkConnector().create(new SinkContext("test", null), options(values));
    }

    private static WriterContext run(StreamTarget... targets) {
        return new WriterContext("r1", false, List.of(targets));
    }

    private static StreamTarget target(String stream, String table, WriteMode write, Map<String, Object> streamOptions) {
        return new StreamTarget(stream, table, write, List.of(), options(streamOptions));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void each_row_becomes_a_json_record_keyed_by_the_key_column_and_a_commit_waits_for_all_of_them() throws Exception {
        String topic = kafka().newTopic("sink", 2);
        try (Sink sink = sink(Map.of());
                SinkWriter writer = sink.open(run(target("orders", topic, WriteMode.APPEND, Map.of("key_column", "id"))))) {
            writer.write("orders", Rows.batch(ORDERS, List.of(
                    Rows.row(1L, "Ana \"A\"", new BigDecimal("12.30"), LocalDate.parse("2024-05-01"),
                            Instant.parse("2024-05-01T10:15:30.123456Z"), "{\"a\":[1,2]}", true),
                    Rows.row(null, null, null, null, null, null, null))));
            assertThat(writer.commit(new Checkpoint(1, "{}", false))).isEqualTo(CommitResult.COMMITTED);
        }
        List<ConsumerRecord<byte[], byte[]>> records = consume(topic, 2);
        assertThat(records).hasSize(2);
        Map<String, String> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key() == null ? "(no key)" : text(r.key()), text(r.value())));
        assertThat(byKey).containsOnly(
                Map.entry("1", "{\"id\":1,\"name\":\"Ana \\\"A\\\"\",\"amount\":12.30,\"day\":\"2024-05-01\","
                        + "\"at\":\"2024-05-01T10:15:30.123456Z\",\"extra\":{\"a\":[1,2]},\"ok\":true}"),
                Map.entry("(no key)", "{\"id\":null,\"name\":null,\"amount\":null,\"day\":null,\"at\":null,\"extra\":null,\"ok\":null}"));
    }

    @Test
    void a_missing_topic_is_created_the_topic_option_names_it_and_a_checkpoint_committed_twice_is_sent_once() throws Exception {
        String topic = "sink-created-" + System.nanoTime();
        Schema schema = Schema.of(new Field("n", DataType.INT32));
        try (Sink sink = sink(Map.of("topic", topic));
                SinkWriter writer = sink.open(run(target("s", "ignored", WriteMode.APPEND, Map.of())))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row(1), Rows.row(2))));
            assertThat(writer.commit(new Checkpoint(7, "{}", false))).isEqualTo(CommitResult.COMMITTED);
            assertThat(writer.commit(new Checkpoint(7, "{}", false))).isEqualTo(CommitResult.ALREADY_COMMITTED);
        }
        assertThat(consume(topic, 2)).extracting(r -> text(r.value())).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void a_record_the_broker_refuses_fails_the_commit() throws Exception {
        String topic = "sink-small-" + System.nanoTime();
        try (Admin admin = kafka().admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "200"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Schema schema = Schema.of(new Field("text", DataType.STRING));
        try (Sink sink = sink(Map.of("compression", "none"));
                SinkWriter writer = sink.open(run(target("s", topic, WriteMode.APPEND, Map.of())))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row("x".repeat(1000)))));
            assertThatThrownBy(() -> writer.commit(new Checkpoint(1, "{}", false))).isInstanceOfSatisfying(MuaraException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
                assertThat(e.getMessage()).contains("larger than the brokers accept");
            });
        }
    }

    @Test
    void a_topic_only_appends_so_replace_and_merge_are_refused() throws Exception {
        assertThat(new KafkaSinkConnector().writeModes()).isEqualTo(Set.of(WriteMode.APPEND));
        try (Sink sink = sink(Map.of())) {
            assertThatThrownBy(() -> sink.open(run(target("s", "t", WriteMode.MERGE, Map.of()))))
                    .isInstanceOfSatisfying(MuaraException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                        assertThat(e.getMessage()).contains("cannot merge");
                    });
        }
    }

    @Test
    void the_topic_option_needs_a_single_stream_and_the_key_column_must_exist() throws Exception {
        try (Sink sink = sink(Map.of("topic", "one"))) {
            assertThatThrownBy(() -> sink.open(run(target("a", "a", WriteMode.APPEND, Map.of()),
                    target("b", "b", WriteMode.APPEND, Map.of()))))
                    .isInstanceOfSatisfying(MuaraException.class, e -> assertThat(e.getMessage()).contains("2 streams"));
        }
        String topic = kafka().newTopic("sink-key", 1);
        try (Sink sink = sink(Map.of());
                SinkWriter writer = sink.open(run(target("s", topic, WriteMode.APPEND, Map.of("key_column", "missing"))))) {
            assertThatThrownBy(() -> writer.write("s", Rows.batch(Schema.of(new Field("n", DataType.INT32)), List.of(Rows.row(1)))))
                    .isInstanceOfSatisfying(MuaraException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                        assertThat(e.getMessage()).contains("no column 'missing'", "its columns are n");
                    });
        }
    }
}
