package dev.muara.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Secret;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener as clients see it: real HTTP over loopback, a reader driven as the engine drives it. */
class HttpListenerSourceTest {

    @TempDir
    Path dir;

    private int port;
    private URI uri;
    private final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();
    private RecordingReaderContext context;
    private Source source;
    private SplitReader reader;

    @BeforeEach
    void freshPort() throws Exception {
        port = HttpTesting.freePort();
        uri = HttpTesting.uri(port);
        context = new RecordingReaderContext("s", 1000, rejected);
    }

    @AfterEach
    void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    private SplitReader open(Map<String, Object> options) throws Exception {
        source = HttpTesting.source(dir, options);
        reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context);
        return reader;
    }

    private SplitReader open() throws Exception {
        return open(HttpTesting.options(port));
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return HttpTesting.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendNow(HttpRequest request) throws Exception {
        return HttpTesting.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Reads until {@code rows} rows came (or 30 s passed), without committing; returns them as one list of maps. */
    private List<Map<String, Object>> read(int rows) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.size() < rows && System.nanoTime() < deadline) {
            Batch batch = reader.next(Duration.ofMillis(50));
            for (int row = 0; row < batch.rowCount(); row++) {
                Map<String, Object> values = new java.util.LinkedHashMap<>();
                for (int i = 0; i < batch.schema().size(); i++) {
                    values.put(batch.schema().field(i).name(), batch.column(i).getObject(row));
                }
                out.add(values);
            }
        }
        return out;
    }

    /** Commits what was read, as the engine would, and waits for the client's answer. */
    private HttpResponse<String> commit(CompletableFuture<HttpResponse<String>> answer) throws Exception {
        reader.committed(reader.position());
        return answer.get(30, TimeUnit.SECONDS);
    }

    /** Reads for a while, expecting nothing. */
    private void readNothing() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(reader.next(Duration.ofMillis(20)).rowCount()).isZero();
        }
    }

    @Test
    void a_client_gets_202_only_after_the_commit_that_holds_its_rows() throws Exception {
        open();
        CompletableFuture<HttpResponse<String>> answer = send(HttpTesting.post(uri, "{\"n\": 1}").build());
        assertThat(read(1)).extracting(row -> row.get("n")).containsExactly(1);
        // the reader asks for a commit, the engine holds it back: the client keeps waiting
        readNothing();
        assertThat(context.takeCommitRequest()).isTrue();
        assertThat(answer).isNotDone();
        HttpResponse<String> response = commit(answer);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("accepted 1 row\n");
    }

    @Test
    void a_commit_answers_the_requests_it_holds_and_not_later_ones() throws Exception {
        open();
        CompletableFuture<HttpResponse<String>> first = send(HttpTesting.post(uri, "{\"n\": 1}").build());
        read(1);
        String position = reader.position();
        CompletableFuture<HttpResponse<String>> second = send(HttpTesting.post(uri, "{\"n\": 2}").build());
        read(1);
        reader.committed(position);
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        readNothing();
        assertThat(second).isNotDone();
        assertThat(commit(second).statusCode()).isEqualTo(202);
    }

    @Test
    void without_the_token_or_with_a_wrong_one_a_request_is_refused_with_401() throws Exception {
        open();
        HttpResponse<String> none = sendNow(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"n\": 1}")).build());
        HttpResponse<String> wrong = sendNow(HttpTesting.post(uri, "{\"n\": 2}").setHeader("Authorization", "Bearer nope").build());
        HttpResponse<String> basic = sendNow(HttpTesting.post(uri, "{\"n\": 3}").setHeader("Authorization", "Basic dXNlcjpwYXNz").build());
        for (HttpResponse<String> response : List.of(none, wrong, basic)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.body()).doesNotContain(HttpTesting.TOKEN);
        }
        readNothing();
    }

    @Test
    void the_token_is_required_unless_auth_none_is_set() throws Exception {
        Map<String, Object> options = HttpTesting.options(port);
        options.remove("token");
        assertThatThrownBy(() -> HttpTesting.source(dir, options)).isInstanceOfSatisfying(MuaraException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.getMessage()).contains("token");
                });
        options.put("auth", "none");
        open(options);
        CompletableFuture<HttpResponse<String>> answer = send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\": 1}")).build());
        assertThat(read(1)).hasSize(1);
        assertThat(commit(answer).statusCode()).isEqualTo(202);
    }

    @Test
    void a_body_over_max_body_size_is_refused_with_413_whether_its_length_is_declared_or_not() throws Exception {
        Map<String, Object> options = HttpTesting.options(port);
        options.put("max_body_size", 1024L);
        open(options);
        String big = "{\"text\": \"" + "x".repeat(2000) + "\"}";
        HttpResponse<String> declared = sendNow(HttpTesting.post(uri, big).build());
        // a chunked body declares no length: it is counted while read
        HttpResponse<String> chunked = sendNow(HttpTesting.post(uri, "").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes()))).build());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        readNothing();
        CompletableFuture<HttpResponse<String>> small = send(HttpTesting.post(uri, "{\"text\": \"fits\"}").build());
        assertThat(read(1)).extracting(row -> row.get("text")).containsExactly("fits");
        assertThat(commit(small).statusCode()).isEqualTo(202);
    }

    @Test
    void when_max_pending_requests_wait_for_a_commit_the_next_gets_503_with_retry_after() throws Exception {
        Map<String, Object> options = HttpTesting.options(port);
        options.put("max_pending", 2L);
        open(options);
        CompletableFuture<HttpResponse<String>> first = send(HttpTesting.post(uri, "{\"n\": 1}").build());
        CompletableFuture<HttpResponse<String>> second = send(HttpTesting.post(uri, "{\"n\": 2}").build());
        assertThat(read(2)).hasSize(2);
        HttpResponse<String> third = sendNow(HttpTesting.post(uri, "{\"n\": 3}").build());
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(commit(first).statusCode()).isEqualTo(202);
        assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        CompletableFuture<HttpResponse<String>> again = send(HttpTesting.post(uri, "{\"n\": 3}").build());
        assertThat(read(1)).extracting(row -> row.get("n")).containsExactly(3);
        assertThat(commit(again).statusCode()).isEqualTo(202);
    }

    @Test
    void an_ndjson_body_and_an_array_body_give_a_row_per_object() throws Exception {
        open();
        CompletableFuture<HttpResponse<String>> ndjson = send(HttpTesting.post(uri, "{\"n\": 1}\n{\"n\": 2}\n{\"n\": 3}\n")
                .header("Content-Type", "application/x-ndjson").build());
        assertThat(read(3)).extracting(row -> row.get("n")).containsExactly(1, 2, 3);
        CompletableFuture<HttpResponse<String>> array = send(HttpTesting.post(uri, "[{\"n\": 4}, {\"n\": 5, \"x\": \"y\"}]")
                .header("Content-Type", "application/json").build());
        List<Map<String, Object>> rows = read(2);
        assertThat(rows).extracting(row -> row.get("n")).containsExactly(4, 5);
        assertThat(rows).extracting(row -> row.get("x")).containsExactly(null, "y");
        reader.committed(reader.position());
        assertThat(ndjson.get(30, TimeUnit.SECONDS).body()).isEqualTo("accepted 3 rows\n");
        assertThat(array.get(30, TimeUnit.SECONDS).body()).isEqualTo("accepted 2 rows\n");
    }

    @Test
    void a_body_with_one_bad_record_is_refused_whole_with_400_and_nothing_of_it_is_loaded() throws Exception {
        open();
        HttpResponse<String> broken = sendNow(HttpTesting.post(uri, "{\"n\": 1}\n{\"n\": 2\n").build());
        HttpResponse<String> notObject = sendNow(HttpTesting.post(uri, "[{\"n\": 3}, 4]").build());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).startsWith("the payload is not valid JSON").endsWith("\n").hasLineCount(1);
        assertThat(notObject.statusCode()).isEqualTo(400);
        assertThat(notObject.body()).isEqualTo("a JSON number where an object was expected\n");
        readNothing();
        assertThat(rejected).extracting(RejectedRecord::original)
                .containsExactlyInAnyOrder("{\"n\": 1}\n{\"n\": 2\n", "[{\"n\": 3}, 4]");
        assertThat(rejected.get(0).location()).startsWith("POST /ingest from 127.0.0.1 (request ");
    }

    @Test
    void each_row_carries_when_and_from_where_its_request_came_and_the_request_id_the_client_got() throws Exception {
        open();
        Instant before = Instant.now();
        CompletableFuture<HttpResponse<String>> answer = send(HttpTesting.post(uri, "[{\"n\": 1}, {\"n\": 2}]").build());
        List<Map<String, Object>> rows = read(2);
        HttpResponse<String> response = commit(answer);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(source.eventTimeColumn("s")).isEqualTo("_received_at");
        for (Map<String, Object> row : rows) {
            assertThat(row.keySet()).containsExactly("_received_at", "_remote_address", "_request_id", "n");
            assertThat((Instant) row.get("_received_at")).isBetween(before, Instant.now());
            assertThat(row.get("_remote_address")).isEqualTo("127.0.0.1");
            assertThat(row.get("_request_id")).isEqualTo(requestId);
        }
    }

    @Test
    void without_metadata_rows_hold_only_the_payload_and_key_names_the_merge_key() throws Exception {
        Map<String, Object> options = HttpTesting.options(port);
        options.put("metadata", false);
        options.put("key", List.of("n"));
        open(options);
        send(HttpTesting.post(uri, "{\"n\": 1}").build());
        assertThat(read(1).get(0).keySet()).containsExactly("n");
        assertThat(source.primaryKey("s")).containsExactly("n");
        assertThat(source.eventTimeColumn("s")).isNull();
    }

    @Test
    void only_post_is_accepted_and_only_on_the_path() throws Exception {
        open();
        HttpResponse<String> get = sendNow(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + HttpTesting.TOKEN).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        for (String path : List.of("/", "/other", "/ingest/more", "/ingestion")) {
            HttpResponse<String> other = sendNow(HttpTesting.post(uri.resolve(path), "{\"n\": 1}").build());
            assertThat(other.statusCode()).as(path).isEqualTo(404);
        }
        readNothing();
    }

    @Test
    void requests_no_commit_holds_are_answered_503_when_the_reader_closes() throws Exception {
        open();
        CompletableFuture<HttpResponse<String>> answer = send(HttpTesting.post(uri, "{\"n\": 1}").build());
        read(1);
        reader.close();
        reader = null;
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("nothing was loaded");
    }

    @Test
    void the_port_can_be_listened_on_again_right_after_the_listener_closed() throws Exception {
        open();
        send(HttpTesting.post(uri, "{\"n\": 1}").build());
        read(1);
        reader.close();
        reader = null;
        open();
        CompletableFuture<HttpResponse<String>> answer = send(HttpTesting.post(uri, "{\"n\": 2}").build());
        assertThat(read(1)).extracting(row -> row.get("n")).containsExactly(2);
        assertThat(commit(answer).statusCode()).isEqualTo(202);
    }

    @Test
    void a_port_already_taken_fails_with_a_connection_error_naming_it() throws Exception {
        open();
        Source second = HttpTesting.source(dir, HttpTesting.options(port));
        assertThatThrownBy(() -> second.open(second.plan(PlanContext.FIRST_RUN).get(0), null, context))
                .isInstanceOfSatisfying(MuaraException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                    assertThat(e.getMessage()).contains("http://127.0.0.1:" + port + "/ingest");
                });
    }

    @Test
    void the_token_never_shows_in_what_the_source_describes() throws Exception {
        Map<String, Object> options = HttpTesting.options(port);
        options.put("token", new Secret("s3cr3t-value"));
        Source described = HttpTesting.source(dir, options);
        assertThat(described.plan(PlanContext.FIRST_RUN).toString()).doesNotContain("s3cr3t-value");
    }
}
