package dev.muara.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every source that runs until stopped (a broker, a listener) must show. A connector's test extends
 * this class, says how to make a source reading its own fresh topic, queue or endpoint, and how to publish to it;
 * the tests then check that messages come back as rows, that nothing acknowledged comes back, that nothing
 * unacknowledged is lost when a reader goes away, and that a bad payload is rejected while reading goes on.
 *
 * <p>Payloads are JSON objects {@code {"n": 1}}; the source reads them with its default {@code format: json}.
 */
public abstract class StreamSourceBehaviour {

    /** How long a test waits for messages to arrive. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * A source reading what {@link #publish} sends, the same for every call within one test (so a second source
     * resumes the first one's subscription, consumer group or queue), fresh for each test.
     */
    protected abstract Source createSource() throws Exception;

    /**
     * Sends the payloads, in order, as a producer that retries until the source acknowledges would (an HTTP client
     * resending after a failed request). May return before they arrive.
     */
    protected abstract void publish(List<byte[]> payloads) throws Exception;

    /** Rejects seen by the readers of the current test. */
    protected final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();


    /** Payloads {@code {"n": from}} to {@code {"n": to}}. */
    protected static List<byte[]> numbered(int from, int to) {
        List<byte[]> payloads = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            payloads.add(("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8));
        }
        return payloads;
    }

    /**
     * Open readers of every split of a source, read as the engine reads them: a reader that asks for a commit gets
     * one (its rows are taken as committed and it may acknowledge them), unless the test holds commits back.
     */
    protected final class Readers implements AutoCloseable {
        private final Map<Split, SplitReader> readers = new HashMap<>();
        private final Map<SplitReader, RecordingReaderContext> contexts = new HashMap<>();
        private final List<Long> numbers = new ArrayList<>();
        private boolean stalled;

        Readers(Source source, Map<String, String> positions) throws Exception {
            for (Split split : source.plan(PlanContext.FIRST_RUN)) {
                RecordingReaderContext context = new RecordingReaderContext("s", 100, rejected);
                SplitReader reader = source.open(split, positions.get(split.id()), context);
                readers.put(split, reader);
                contexts.put(reader, context);
            }
        }

        /** Reads until {@code count} more rows came, or the patience runs out; returns the {@code n} of each. */
        List<Long> read(int count) throws Exception {
            return read(count, true);
        }

        /**
         * Reads until {@code count} more rows came or the patience runs out; with {@code commits} false, also stops
         * when a reader asks for a commit it cannot have (its upstream waits for acknowledgements).
         */
        List<Long> read(int count, boolean commits) throws Exception {
            int wanted = numbers.size() + count;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (numbers.size() < wanted && System.nanoTime() < deadline && !(stalled && !commits)) {
                readOnce(commits);
            }
            return numbers;
        }

        /** Reads for a while, expecting nothing more. */
        List<Long> readQuietly(Duration wait) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                readOnce(true);
            }
            return numbers;
        }

        private void readOnce(boolean commits) throws Exception {
            for (SplitReader reader : readers.values()) {
                Batch batch = reader.next(Duration.ofMillis(50));
                if (batch != null && batch.rowCount() > 0) {
                    int n = batch.schema().indexOf("n");
                    assertThat(n).as("column n in %s", batch.schema()).isNotNegative();
                    for (int row = 0; row < batch.rowCount(); row++) {
                        numbers.add(((Number) batch.column(n).getObject(row)).longValue());
                    }
                }
                if (contexts.get(reader).takeCommitRequest()) {
                    if (commits) {
                        reader.committed(reader.position());
                    } else {
                        stalled = true;
                    }
                }
            }
        }

        /** Tells every reader its rows are committed; returns the positions to resume from. */
        Map<String, String> commit() {
            Map<String, String> positions = new HashMap<>();
            readers.forEach((split, reader) -> {
                String position = reader.position();
                reader.committed(position);
                positions.put(split.id(), position);
            });
            return positions;
        }

        @Override
        public void close() throws Exception {
            for (SplitReader reader : readers.values()) {
                reader.close();
            }
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            values.add(n);
        }
        return values;
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        copy.sort(Long::compare);
        return copy;
    }

    @Test
    public void published_messages_come_back_as_rows_each_once() throws Exception {
        try (Source source = createSource()) {
            assertThat(source.boundedness()).isEqualTo(Boundedness.UNBOUNDED);
            try (Readers readers = new Readers(source, Map.of())) {
                readers.read(0);
                publish(numbered(1, 200));
                assertThat(sorted(readers.read(200))).isEqualTo(range(1, 200));
                assertThat(readers.readQuietly(Duration.ofMillis(300))).hasSize(200);
            }
        }
        assertThat(rejected).isEmpty();
    }

    @Test
    public void acknowledged_messages_do_not_come_back_and_later_ones_do() throws Exception {
        Map<String, String> positions;
        try (Source source = createSource(); Readers readers = new Readers(source, Map.of())) {
            readers.read(0);
            publish(numbered(1, 50));
            assertThat(sorted(readers.read(50))).isEqualTo(range(1, 50));
            positions = readers.commit();
            // an acknowledgement goes out on the next read, as the engine calls committed() between reads
            readers.readQuietly(Duration.ofMillis(300));
        }
        publish(numbered(51, 80));
        try (Source source = createSource(); Readers readers = new Readers(source, positions)) {
            assertThat(sorted(readers.read(30))).isEqualTo(range(51, 80));
            assertThat(readers.readQuietly(Duration.ofMillis(500))).hasSize(30);
        }
    }

    @Test
    public void messages_read_but_never_acknowledged_come_again_to_the_next_reader() throws Exception {
        List<Long> unacknowledged;
        try (Source source = createSource(); Readers readers = new Readers(source, Map.of())) {
            readers.read(0);
            publish(numbered(1, 40));
            // as far as the source goes without acknowledging: all 40, or what its in-flight window allows
            unacknowledged = new ArrayList<>(readers.read(40, false));
            assertThat(unacknowledged).isNotEmpty();
        }
        try (Source source = createSource(); Readers readers = new Readers(source, Map.of())) {
            List<Long> again = new ArrayList<>(new TreeSet<>(readers.read(40)));
            assertThat(again).containsAll(unacknowledged);
            assertThat(again).isEqualTo(range(1, 40));
        }
    }

    @Test
    public void a_payload_that_is_not_json_is_rejected_and_reading_goes_on() throws Exception {
        try (Source source = createSource(); Readers readers = new Readers(source, Map.of())) {
            readers.read(0);
            List<byte[]> payloads = new ArrayList<>(numbered(1, 2));
            payloads.add("this is not json".getBytes(StandardCharsets.UTF_8));
            payloads.addAll(numbered(3, 4));
            publish(payloads);
            assertThat(sorted(readers.read(4))).isEqualTo(range(1, 4));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (rejected.isEmpty() && System.nanoTime() < deadline) {
                readers.readQuietly(Duration.ofMillis(100));
            }
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).original()).isEqualTo("this is not json");
            assertThat(rejected.get(0).reason()).contains("JSON");
        }
    }
}
