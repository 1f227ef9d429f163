package dev.muara.connector.kafka;

import static dev.muara.connector.kafka.KafkaTesting.kafka;
import static dev.muara.connector.kafka.KafkaTesting.produce;
import static dev.muara.connector.kafka.KafkaTesting.source;
import static dev.muara.connector.kafka.KafkaTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The Kafka source against a real broker: splits, positions, where reading starts, metadata, lag, rejects. */
class KafkaSourceTest {

    private final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();

    private SplitReader open(Source source, String splitId, String position, int batchRows) throws Exception {
        Split split = source.plan(PlanContext.FIRST_RUN).stream().filter(s -> s.id().equals(splitId)).findFirst().orElseThrow();
        return source.open(split, position, new RecordingReaderContext("s", batchRows, rejected));
    }

    /** Reads until {@code count} rows came (or 30 s passed), then returns them. */
    private static List<Batch> read(SplitReader reader, int count) throws Exception {
        List<Batch> batches = new ArrayList<>();
        int rows = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (rows < count && System.nanoTime() < deadline) {
            Batch batch = reader.next(Duration.ofMillis(100));
            if (batch.rowCount() > 0) {
                batches.add(batch);
                rows += batch.rowCount();
            }
        }
        return batches;
    }

    private static List<Long> numbers(List<Batch> batches) {
        List<Long> numbers = new ArrayList<>();
        for (Batch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                numbers.add(((Number) batch.column("n").getObject(row)).longValue());
            }
        }
        return numbers;
    }

    private static List<byte[]> numbered(int from, int to) {
        List<byte[]> values = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            values.add(utf8("{\"n\": " + n + "}"));
        }
        return values;
    }

    @Test
    void every_partition_of_every_topic_is_a_split_named_topic_slash_partition() throws Exception {
        String orders = kafka().newTopic("plan-orders", 3);
        String payments = kafka().newTopic("plan-payments", 2);
        try (Source source = source(Map.of("topics", List.of(orders, payments)))) {
            List<Split> splits = source.plan(PlanContext.FIRST_RUN);
            assertThat(splits).extracting(Split::id).containsExactly(orders + "/0", orders + "/1", orders + "/2",
                    payments + "/0", payments + "/1");
            assertThat(splits).allSatisfy(s -> assertThat(s.stream()).isEqualTo("s"));
            try (Admin admin = kafka().admin()) {
                String topicId = admin.describeTopics(List.of(orders)).allTopicNames().get().get(orders).topicId().toString();
                assertThat(splits.get(0).fingerprint()).isEqualTo(topicId);
            }
        }
        String pattern = orders.replaceAll("\\d+$", "\\\\d+");
        try (Source source = source(Map.of("topic_pattern", pattern))) {
            assertThat(source.plan(PlanContext.FIRST_RUN)).extracting(Split::id).contains(orders + "/0")
                    .noneMatch(id -> id.startsWith(payments));
        }
    }

    @Test
    void a_reader_opened_at_a_reported_position_goes_on_right_after_it() throws Exception {
        String topic = kafka().newTopic("resume", 2);
        produce(topic, 1, numbered(1, 10));
        String position;
        try (Source source = source(Map.of("topics", List.of(topic)));
                SplitReader reader = open(source, topic + "/1", null, 4)) {
            List<Batch> batches = read(reader, 6);
            assertThat(numbers(batches)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(batches.get(0).rowCount()).isEqualTo(4);
            position = reader.position();
            assertThat(position).isEqualTo("8");
        }
        produce(topic, 1, numbered(11, 12));
        try (Source source = source(Map.of("topics", List.of(topic)));
                SplitReader reader = open(source, topic + "/1", position, 100)) {
            assertThat(numbers(read(reader, 4))).containsExactly(9L, 10L, 11L, 12L);
            assertThat(reader.position()).isEqualTo("12");
        }
    }

    @Test
    void without_a_position_a_reader_starts_at_the_offset_committed_to_the_group_after_a_checkpoint() throws Exception {
        String topic = kafka().newTopic("group", 1);
        produce(topic, 0, numbered(1, 5));
        Map<String, Object> options = Map.of("topics", List.of(topic), "group_id", "group-" + topic);
        try (Source source = source(options); SplitReader reader = open(source, topic + "/0", null, 3)) {
            assertThat(numbers(read(reader, 3))).containsExactly(1L, 2L, 3L);
            reader.committed(reader.position());
        }
        try (Admin admin = kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("group-" + topic)
                    .partitionsToOffsetAndMetadata().get();
            assertThat(offsets.get(new TopicPartition(topic, 0)).offset()).isEqualTo(3);
        }
        try (Source source = source(options); SplitReader reader = open(source, topic + "/0", null, 100)) {
            assertThat(numbers(read(reader, 2))).containsExactly(4L, 5L);
        }
    }

    @Test
    void start_latest_reads_only_records_written_after_the_reader_opened() throws Exception {
        String topic = kafka().newTopic("latest", 1);
        produce(topic, 0, numbered(1, 5));
        try (Source source = source(Map.of("topics", List.of(topic), "start", "latest"));
                SplitReader reader = open(source, topic + "/0", null, 100)) {
            assertThat(reader.position()).isEqualTo("5");
            produce(topic, 0, numbered(6, 7));
            assertThat(numbers(read(reader, 2))).containsExactly(6L, 7L);
        }
    }

    @Test
    void start_at_a_time_reads_the_records_from_that_time_on() throws Exception {
        String topic = kafka().newTopic("time", 1);
        Instant t = Instant.parse("2024-05-01T00:00:00Z");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            records.add(new ProducerRecord<>(topic, 0, t.plusSeconds(3600L * (n - 1)).toEpochMilli(), null, utf8("{\"n\": " + n + "}")));
        }
        produce(records);
        try (Source source = source(Map.of("topics", List.of(topic), "start", "2024-05-01T02:00:00+01:00"));
                SplitReader reader = open(source, topic + "/0", null, 100)) {
            // 02:00+01:00 is 01:00Z: the second record on
            assertThat(numbers(read(reader, 3))).containsExactly(2L, 3L, 4L);
        }
        try (Source source = source(Map.of("topics", List.of(topic), "start", "2030-01-01T00:00:00Z"));
                SplitReader reader = open(source, topic + "/0", null, 100)) {
            assertThat(reader.position()).isEqualTo("4");
        }
    }

    @Test
    void rows_carry_the_record_metadata_and_the_source_names_its_key_and_event_time() throws Exception {
        String topic = kafka().newTopic("metadata", 2);
        Instant t = Instant.parse("2024-05-01T10:15:30.123Z");
        ProducerRecord<byte[], byte[]> keyed = new ProducerRecord<>(topic, 1, t.toEpochMilli(), utf8("k-1"),
                utf8("{\"n\": 1}"), List.of(new RecordHeader("trace", utf8("abc")), new RecordHeader("quote", utf8("a\"b"))));
        ProducerRecord<byte[], byte[]> bare = new ProducerRecord<>(topic, 1, t.toEpochMilli(), null, utf8("{\"n\": 2}"));
        produce(List.of(keyed, bare));
        try (Source source = source(Map.of("topics", List.of(topic)));
                SplitReader reader = open(source, topic + "/1", null, 100)) {
            Batch batch = read(reader, 2).get(0);
            assertThat(batch.schema().fields()).containsExactly(new Field("_topic", DataType.STRING),
                    new Field("_partition", DataType.INT32), new Field("_offset", DataType.INT64),
                    new Field("_timestamp", DataType.TIMESTAMP_TZ), new Field("_key", DataType.STRING),
                    new Field("_headers", DataType.JSON), new Field("n", DataType.INT32));
            assertThat(Rows.of(batch)).containsExactly(
                    Rows.row(topic, 1, 0L, t, "k-1", "{\"trace\":\"abc\",\"quote\":\"a\\\"b\"}", 1),
                    Rows.row(topic, 1, 1L, t, null, null, 2));
            assertThat(source.primaryKey("s")).containsExactly("_topic", "_partition", "_offset");
            assertThat(source.eventTimeColumn("s")).isEqualTo("_timestamp");
        }
        try (Source source = source(Map.of("topics", List.of(topic), "metadata", false));
                SplitReader reader = open(source, topic + "/1", null, 100)) {
            assertThat(read(reader, 2).get(0).schema().names()).containsExactly("n");
            assertThat(source.primaryKey("s")).isEmpty();
            assertThat(source.eventTimeColumn("s")).isNull();
        }
    }

    @Test
    void lag_is_the_number_of_records_beyond_the_position() throws Exception {
        String topic = kafka().newTopic("lag", 1);
        produce(topic, 0, numbered(1, 50));
        try (Source source = source(Map.of("topics", List.of(topic)));
                SplitReader reader = open(source, topic + "/0", null, 10)) {
            assertThat(read(reader, 10).get(0).rowCount()).isEqualTo(10);
            assertThat(reader.lag()).isEqualTo(40);
        }
    }

    @Test
    void a_record_that_cannot_be_decoded_is_rejected_at_topic_partition_offset_and_a_tombstone_is_skipped() throws Exception {
        String topic = kafka().newTopic("reject", 1);
        produce(List.of(new ProducerRecord<>(topic, 0, null, utf8("{\"n\": 1}")),
                new ProducerRecord<>(topic, 0, null, utf8("{broken")),
                new ProducerRecord<>(topic, 0, utf8("gone"), null),
                new ProducerRecord<>(topic, 0, null, utf8("{\"n\": 4}"))));
        try (Source source = source(Map.of("topics", List.of(topic)));
                SplitReader reader = open(source, topic + "/0", null, 100)) {
            assertThat(numbers(read(reader, 2))).containsExactly(1L, 4L);
            assertThat(reader.position()).isEqualTo("4");
        }
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).location()).isEqualTo(topic + "/0@1");
        assertThat(rejected.get(0).original()).isEqualTo("{broken");
    }

    @Test
    void a_topic_that_does_not_exist_is_a_configuration_error_naming_it() throws Exception {
        try (Source source = source(Map.of("topics", List.of("no-such-topic")))) {
            assertThatThrownBy(() -> source.plan(PlanContext.FIRST_RUN)).isInstanceOfSatisfying(MuaraException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                assertThat(e.getMessage()).contains("there is no topic 'no-such-topic'");
                assertThat(e.hint()).contains("Muara does not create the topics it reads");
            });
        }
        try (Source source = source(Map.of("topic_pattern", "nothing-matches-.*"))) {
            assertThatThrownBy(() -> source.plan(PlanContext.FIRST_RUN)).isInstanceOfSatisfying(MuaraException.class,
                    e -> assertThat(e.getMessage()).contains("no topic", "matches nothing-matches-.*"));
        }
    }

    @Test
    void brokers_that_do_not_answer_are_a_retriable_connection_error() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Source source = source(Map.of("topics", List.of("t"), "bootstrap_servers", List.of("127.0.0.1:" + closedPort),
                "connect_timeout", Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> source.plan(PlanContext.FIRST_RUN)).isInstanceOfSatisfying(MuaraException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                assertThat(e.isRetriable()).isTrue();
                assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort + " did not answer within 2s");
                assertThat(e.hint()).contains("bootstrap_servers");
            });
        }
    }
}
