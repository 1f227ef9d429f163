package dev.muara.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.Rows;
import dev.muara.testkit.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the MQTT source adds to the behaviour every stream source shows: topics, columns, formats, errors. */
class MqttSourceTest {

    @TempDir
    Path dir;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String base = "muara-test/" + id;

    private static List<byte[]> payloads(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Reads from a fresh reader of the source until {@code count} rows came (acknowledging as the engine would). */
    private List<List<Object>> read(SplitReader reader, RecordingReaderContext context, int count,
            List<String> schemaOut) throws Exception {
        return read(reader, context, count, schemaOut, Duration.ofSeconds(20));
    }

    private List<List<Object>> read(SplitReader reader, RecordingReaderContext context, int count,
            List<String> schemaOut, Duration patience) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (rows.size() < count && System.nanoTime() < deadline) {
            Batch batch = reader.next(Duration.ofMillis(50));
            if (batch.rowCount() > 0) {
                schemaOut.add(batch.schema().toString());
                rows.addAll(Rows.of(batch));
            }
            if (context.takeCommitRequest()) {
                reader.committed(reader.position());
            }
        }
        return rows;
    }

    @Test
    void wildcard_filters_pick_the_topics_and_each_row_names_its_topic_qos_and_time() throws Exception {
        Source source = MqttTesting.source(dir, MqttTesting.options("muara-test-" + id, base + "/+/temp", base + "/alarms/#"));
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context)) {
            reader.next(Duration.ofMillis(10));
            MqttTesting.publish(base + "/a/temp", payloads("{\"n\": 1}"));
            MqttTesting.publish(base + "/a/humidity", payloads("{\"n\": 99}"));
            MqttTesting.publish(base + "/alarms/x/y", payloads("{\"n\": 2}"));
            List<String> schemas = new ArrayList<>();
            List<List<Object>> rows = read(reader, context, 2, schemas);
            assertThat(schemas.get(0)).isEqualTo("[_topic string, _received_at timestamptz, _qos int32, _retained boolean, n int32]");
            assertThat(rows).extracting(r -> r.get(0)).containsExactlyInAnyOrder(base + "/a/temp", base + "/alarms/x/y");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get(1)).isInstanceOf(java.time.Instant.class);
                assertThat(r.get(2)).isEqualTo(1);
                assertThat(r.get(3)).isEqualTo(false);
            });
        }
        assertThat(source.eventTimeColumn("s")).isEqualTo("_received_at");
    }

    @Test
    void a_3_1_1_reader_commits_whenever_half_its_window_waits_and_takes_a_long_stream_once_and_in_order()
            throws Exception {
        Map<String, Object> options = MqttTesting.options("muara-test-" + id, base + "/many");
        options.put("protocol", "3.1.1");
        options.put("receive_maximum", 10L);
        options.put("metadata", false);
        Source source = MqttTesting.source(dir, options);
        RecordingReaderContext context = new RecordingReaderContext("s", 1000, new ArrayList<>());
        // more messages than the reader asks the client for at once, so it must ask again as it goes
        int count = 6000;
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        try (SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context)) {
            reader.next(Duration.ofMillis(10));
            Thread publisher = Thread.ofPlatform().start(() -> MqttTesting.publish(base + "/many", payloads));
            List<Object> received = new ArrayList<>();
            int sinceCommit = 0;
            int mostSinceCommit = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                Batch batch = reader.next(Duration.ofMillis(50));
                for (List<Object> row : Rows.of(batch)) {
                    received.add(row.get(0));
                }
                sinceCommit += batch.rowCount();
                mostSinceCommit = Math.max(mostSinceCommit, sinceCommit);
                if (context.takeCommitRequest()) {
                    reader.committed(reader.position());
                    sinceCommit = 0;
                }
            }
            publisher.join();
            assertThat(received).containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).boxed().toList());
            // MQTT 3.1.1 cannot tell the broker the window: the reader holds itself to half of it between commits
            assertThat(mostSinceCommit).isEqualTo(5);
        }
    }

    @Test
    void csv_payloads_with_exactly_once_qos_and_no_metadata_columns() throws Exception {
        Map<String, Object> options = MqttTesting.options("muara-test-" + id, base + "/csv");
        options.put("format", "csv");
        options.put("column_names", List.of("sensor", "celsius"));
        options.put("columns", Map.of("celsius", new ColumnSpec(DataType.FLOAT64, null)));
        options.put("qos", 2L);
        options.put("metadata", false);
        options.put("key", List.of("sensor"));
        Source source = MqttTesting.source(dir, options);
        assertThat(source.primaryKey("s")).containsExactly("sensor");
        assertThat(source.eventTimeColumn("s")).isNull();
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context)) {
            reader.next(Duration.ofMillis(10));
            MqttTesting.publish(base + "/csv", payloads("a,21.5\nb,22"));
            List<String> schemas = new ArrayList<>();
            assertThat(read(reader, context, 2, schemas)).containsExactly(List.of("a", 21.5), List.of("b", 22.0));
            assertThat(schemas.get(0)).isEqualTo("[sensor string, celsius float64]");
        }
    }

    @Test
    void a_retained_message_comes_with_the_first_subscription_only() throws Exception {
        assumeFalse(TestBrokers.mqtt().embedded(), "retain handling is MQTT 5, which the embedded broker does not speak");
        TestBrokers.Broker broker = TestBrokers.mqtt();
        Mqtt3BlockingClient publisher = MqttClient.builder().useMqttVersion3().identifier("publisher-" + id)
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        publisher.connect();
        publisher.publishWith().topic(base + "/state").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload("{\"n\": 7}".getBytes(StandardCharsets.UTF_8)).send();
        publisher.disconnect();
        for (int session = 1; session <= 2; session++) {
            Source source = MqttTesting.source(dir, MqttTesting.options("muara-test-" + id, base + "/state"));
            RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
            try (SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context)) {
                List<List<Object>> rows = read(reader, context, 1, new ArrayList<>(),
                        Duration.ofSeconds(session == 1 ? 20 : 1));
                if (session == 1) {
                    assertThat(rows).hasSize(1);
                    assertThat(rows.get(0).get(3)).isEqualTo(true);
                    reader.committed(reader.position());
                    reader.next(Duration.ofMillis(10));
                } else {
                    assertThat(rows).isEmpty();
                }
            }
        }
    }

    @Test
    void topic_filters_are_checked_before_anything_connects() {
        for (String bad : List.of("a/#/b", "a+/b", "", "a/b#")) {
            assertThatThrownBy(() -> MqttTesting.source(dir, MqttTesting.options("c", bad)))
                    .isInstanceOf(MuaraException.class).hasMessageContaining("topics");
        }
        assertThat(MqttSettings.topicProblem("+/+/#")).isNull();
        assertThat(MqttSettings.topicProblem("#")).isNull();
    }

    @Test
    void a_broker_out_of_reach_is_a_connection_fault_the_run_retries() throws Exception {
        Map<String, Object> options = MqttTesting.options("c-" + id, base + "/x");
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            options.put("port", (long) free.getLocalPort());
        }
        options.put("connect_timeout", Duration.ofSeconds(2));
        Source source = MqttTesting.source(dir, options);
        assertThatThrownBy(() -> source.open(source.plan(PlanContext.FIRST_RUN).get(0), null,
                new RecordingReaderContext("s", 100, new ArrayList<>())))
                .isInstanceOf(MuaraException.class).hasMessageContaining("cannot reach the MQTT broker mqtt://127.0.0.1:")
                .satisfies(e -> assertThat(((MuaraException) e).isRetriable()).isTrue());
    }
}
