package dev.muara.connector.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.Secret;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.Rows;
import dev.muara.testkit.amqp.RabbitMqQueues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the AMQP source adds to the behaviour every stream source shows: columns, prefetch, formats, errors. */
class AmqpSourceTest {

    @TempDir
    Path dir;

    private final String queue = AmqpTesting.freshQueue();

    @AfterEach
    void deleteQueue() throws Exception {
        RabbitMqQueues.delete(queue);
    }

    private static List<byte[]> payloads(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static SplitReader open(Source source, RecordingReaderContext context) throws Exception {
        return source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context);
    }

    /**
     * Reads until {@code count} rows came; a reader asking for a commit gets one when {@code commits}, else reading
     * stops there (the broker sends nothing more).
     */
    private static List<List<Object>> read(SplitReader reader, RecordingReaderContext context, int count,
            boolean commits, List<String> schemas) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rows.size() < count && System.nanoTime() < deadline) {
            Batch batch = reader.next(Duration.ofMillis(50));
            if (batch.rowCount() > 0) {
                schemas.add(batch.schema().toString());
                rows.addAll(Rows.of(batch));
            }
            if (context.takeCommitRequest()) {
                if (!commits) {
                    break;
                }
                reader.committed(reader.position());
            }
        }
        return rows;
    }

    @Test
    void a_declared_queue_bound_to_an_exchange_gives_each_row_its_exchange_routing_key_id_and_times() throws Exception {
        Map<String, Object> options = AmqpTesting.options(queue);
        options.put("declare_queue", true);
        options.put("exchange", "amq.topic");
        options.put("routing_key", "plant." + queue + ".#");
        Source source = AmqpTesting.source(dir, options);
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        Instant sent = Instant.parse("2024-05-01T10:15:30Z");
        try (SplitReader reader = open(source, context)) {
            AmqpTesting.publish("amq.topic", "plant." + queue + ".line-1", new AMQP.BasicProperties.Builder()
                    .messageId("m-1").timestamp(Date.from(sent)).deliveryMode(2).build(), payloads("{\"n\": 1}"));
            AmqpTesting.publish("amq.topic", "other." + queue, new AMQP.BasicProperties(), payloads("{\"n\": 99}"));
            AmqpTesting.publish("amq.topic", "plant." + queue + ".line-2", new AMQP.BasicProperties(), payloads("{\"n\": 2}"));
            List<String> schemas = new ArrayList<>();
            List<List<Object>> rows = read(reader, context, 2, true, schemas);
            assertThat(schemas.get(0)).isEqualTo("[_exchange string, _routing_key string, _message_id string, "
                    + "_timestamp timestamptz, _received_at timestamptz, _redelivered boolean, n int32]");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).subList(0, 4)).containsExactly("amq.topic", "plant." + queue + ".line-1", "m-1", sent);
            assertThat(rows.get(1).subList(0, 4)).containsExactly("amq.topic", "plant." + queue + ".line-2", null, null);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get(4)).isInstanceOf(Instant.class);
                assertThat(row.get(5)).isEqualTo(false);
            });
            assertThat(rows).extracting(row -> row.get(6)).containsExactly(1, 2);
        }
        assertThat(source.eventTimeColumn("s")).isEqualTo("_received_at");
    }

    @Test
    void with_commits_held_back_the_reader_gets_exactly_prefetch_messages_then_more_after_a_commit() throws Exception {
        RabbitMqQueues.declare(queue);
        AmqpTesting.publish(queue, numbered(1, 25));
        Map<String, Object> options = AmqpTesting.options(queue);
        options.put("prefetch", 10L);
        Source source = AmqpTesting.source(dir, options);
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = open(source, context)) {
            List<List<Object>> rows = new ArrayList<>(read(reader, context, 25, false, new ArrayList<>()));
            assertThat(rows).hasSize(10);
            // asking again without a commit brings nothing more: the broker holds the rest back
            for (int i = 0; i < 5; i++) {
                assertThat(reader.next(Duration.ofMillis(50)).rowCount()).isZero();
                assertThat(context.takeCommitRequest()).isTrue();
            }
            assertThat(AmqpTesting.ready(queue)).isEqualTo(15);
            reader.committed(reader.position());
            rows.addAll(read(reader, context, 15, true, new ArrayList<>()));
            assertThat(rows).extracting(row -> row.get(6)).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        }
    }

    private static List<byte[]> numbered(int from, int to) {
        List<byte[]> payloads = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            payloads.add(("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8));
        }
        return payloads;
    }

    @Test
    void csv_payloads_without_metadata_columns_and_a_key_for_merge() throws Exception {
        RabbitMqQueues.declare(queue);
        Map<String, Object> options = AmqpTesting.options(queue);
        options.put("format", "csv");
        options.put("column_names", List.of("sensor", "celsius"));
        options.put("columns", Map.of("celsius", new ColumnSpec(DataType.FLOAT64, null)));
        options.put("metadata", false);
        options.put("key", List.of("sensor"));
        Source source = AmqpTesting.source(dir, options);
        assertThat(source.primaryKey("s")).containsExactly("sensor");
        assertThat(source.eventTimeColumn("s")).isNull();
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = open(source, context)) {
            AmqpTesting.publish(queue, payloads("a,21.5\nb,22", "c,-3"));
            List<String> schemas = new ArrayList<>();
            assertThat(read(reader, context, 3, true, schemas))
                    .containsExactly(List.of("a", 21.5), List.of("b", 22.0), List.of("c", -3.0));
            assertThat(schemas.get(0)).isEqualTo("[sensor string, celsius float64]");
        }
    }

    @Test
    void a_missing_queue_is_named_with_the_way_to_create_it() {
        Source source = AmqpTesting.source(dir, AmqpTesting.options(queue));
        assertThatThrownBy(() -> open(source, new RecordingReaderContext("s", 100, new ArrayList<>())))
                .isInstanceOf(MuaraException.class)
                .hasMessage("the queue '" + queue + "' does not exist in virtual host / of the broker amqp://127.0.0.1:5672/")
                .satisfies(e -> {
                    MuaraException m = (MuaraException) e;
                    assertThat(m.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(m.isRetriable()).isFalse();
                    assertThat(m.hint()).contains("declare_queue: true");
                });
    }

    @Test
    void a_wrong_password_is_a_configuration_error_that_does_not_show_the_password() throws Exception {
        RabbitMqQueues.declare(queue);
        Map<String, Object> options = AmqpTesting.options(queue);
        options.put("password", new Secret("wrong-secret-4711"));
        Source source = AmqpTesting.source(dir, options);
        assertThatThrownBy(() -> open(source, new RecordingReaderContext("s", 100, new ArrayList<>())))
                .isInstanceOf(MuaraException.class)
                .hasMessage("the AMQP broker amqp://127.0.0.1:5672/ refused the login of user guest")
                .satisfies(e -> {
                    MuaraException m = (MuaraException) e;
                    assertThat(m.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(m.describe() + m.hint()).doesNotContain("wrong-secret-4711");
                });
    }

    @Test
    void a_broker_out_of_reach_is_a_connection_fault_the_run_retries() throws Exception {
        Map<String, Object> options = AmqpTesting.options(queue);
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            options.put("port", (long) free.getLocalPort());
        }
        Source source = AmqpTesting.source(dir, options);
        assertThatThrownBy(() -> open(source, new RecordingReaderContext("s", 100, new ArrayList<>())))
                .isInstanceOf(MuaraException.class).hasMessageContaining("cannot reach the AMQP broker amqp://127.0.0.1:")
                .satisfies(e -> assertThat(((MuaraException) e).isRetriable()).isTrue());
    }

    @Test
    void a_queue_deleted_while_it_is_read_fails_the_reader_so_that_the_run_retries() throws Exception {
        RabbitMqQueues.declare(queue);
        Source source = AmqpTesting.source(dir, AmqpTesting.options(queue));
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = open(source, context)) {
            RabbitMqQueues.delete(queue);
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) {
                    reader.next(Duration.ofMillis(50));
                }
            }).isInstanceOf(MuaraException.class).hasMessageContaining("lost the queue '" + queue + "'")
                    .satisfies(e -> assertThat(((MuaraException) e).isRetriable()).isTrue());
        }
    }

    @Test
    void options_that_only_make_sense_together_are_checked_before_anything_connects() {
        Map<String, Object> exchange = AmqpTesting.options(queue);
        exchange.put("exchange", "amq.topic");
        assertThatThrownBy(() -> AmqpTesting.source(dir, exchange)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("'exchange': is only used with declare_queue: true");
        Map<String, Object> user = AmqpTesting.options(queue);
        user.put("username", "loader");
        user.remove("password");
        assertThatThrownBy(() -> AmqpTesting.source(dir, user)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("'password': is required for user loader");
        Map<String, Object> ca = AmqpTesting.options(queue);
        ca.put("ssl_ca_file", "ca.pem");
        assertThatThrownBy(() -> AmqpTesting.source(dir, ca)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("only used with tls: true");
    }
}
