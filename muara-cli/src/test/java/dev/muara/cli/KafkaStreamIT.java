package dev.muara.cli;

import static dev.muara.cli.StreamLoads.assertEachNumberOnce;
import static dev.muara.cli.StreamLoads.awaitRows;
import static dev.muara.cli.StreamLoads.count;
import static dev.muara.cli.StreamLoads.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import dev.muara.testkit.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka into PostgreSQL and into a slow target, with Muara run as a user runs it, against an in-process broker. */
class KafkaStreamIT {

    private static final EmbeddedKafka KAFKA = EmbeddedKafka.shared();

    @TempDir
    Path dir;

    private static String source(String topic) {
        return """
                source:
                  type: kafka
                  bootstrap_servers: [%s]
                  topics: [%s]
                  group_id: muara-orders
                  start: earliest
                checkpoint: {interval: 200ms}
                """.formatted(KAFKA.bootstrapServers(), topic);
    }

    private Path pipeline(String topic, String target) throws Exception {
        return Files.writeString(dir.resolve("orders.yaml"), "name: orders\n" + source(topic) + target);
    }

    /** Merge without a declared key: the source's own key, topic + partition + offset, removes what a kill repeats. */
    @Test
    void killed_twice_while_100000_records_arrive_every_number_is_loaded_once() throws Exception {
        String topic = KAFKA.newTopic("orders", 3);
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(topic, StreamLoads.postgresTarget(database, "merge"));
        try (KafkaPublisher producer = new KafkaPublisher(KAFKA.bootstrapServers(), topic, 1, 100_000, 5_000, 0)) {
            StreamLoads.killTwiceThenFinish(dir, pipeline, database, 100_000, () -> producer.awaitDone(300));
        }
        assertEachNumberOnce(database, 100_000);
    }

    @Test
    void a_clean_stop_mid_stream_loses_nothing_and_loads_nothing_twice() throws Exception {
        String topic = KAFKA.newTopic("orders", 3);
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(topic, StreamLoads.postgresTarget(database, "append"));
        try (KafkaPublisher producer = new KafkaPublisher(KAFKA.bootstrapServers(), topic, 1, 20_000, 1_000, 0)) {
            // 20 s of records: the first stop, after 2,000 rows, comes mid-stream even on a slow, busy machine
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 2_000, 120, muara);
                stop(muara);
            }
            assertThat(count(database, "SELECT count(*) FROM readings")).isPositive().isLessThan(20_000);
            producer.awaitDone(120);
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 20_000, 120, muara);
                stop(muara);
            }
        }
        // write: append, so a record loaded twice would show as an extra row
        assertEachNumberOnce(database, 20_000);
    }

    /**
     * A target that takes 1,000 rows/s while 20,000 records/s arrive for 30 s (600,000 records of about 200 bytes,
     * 120 MB): Muara stops fetching instead of buffering, so the records wait in Kafka and the heap Muara holds stays
     * well below what they take (the batches in flight between reader and target are most of it); when the target
     * speeds up, every record arrives, once.
     */
    @Test
    void a_slow_target_holds_back_reading_with_a_bounded_heap_and_every_record_arrives() throws Exception {
        String topic = KAFKA.newTopic("orders", 3);
        Path committed = dir.resolve("committed.txt");
        Path rate = Files.writeString(dir.resolve("rate.txt"), "1000");
        Path pipeline = pipeline(topic, """
                target:
                  type: throttled
                  output: committed.txt
                  control: rate.txt
                """);
        long total = 600_000;
        long maxLiveHeap = 0;
        try (MuaraProcess muara = MuaraProcess.startWithTestConnectors(dir, "128m", "run", pipeline.toString());
                KafkaPublisher producer = new KafkaPublisher(KAFKA.bootstrapServers(), topic, 1, total, 20_000, 200)) {
            while (producer.published() < total) {
                Thread.sleep(2_000);
                assertThat(muara.isAlive()).as(muara.text()).isTrue();
                maxLiveHeap = Math.max(maxLiveHeap, muara.liveHeapBytes());
            }
            producer.awaitDone(60);
            long loadedWhileThrottled = lines(committed);
            System.out.printf("back-pressure: %,d records produced, %,d taken by the slow target, live heap at most %d MiB%n",
                    total, loadedWhileThrottled, maxLiveHeap >> 20);
            assertThat(loadedWhileThrottled).as("rows the slow target took while the records came").isLessThan(total / 4);
            // 600,000 records of 200 bytes would not fit: the bound leaves room for the batches in flight
            assertThat(maxLiveHeap).as("heap held after a full collection, at most").isPositive()
                    .isLessThan(100L << 20);

            Files.writeString(rate, "0");
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (lines(committed) < total) {
                assertThat(System.nanoTime()).as(muara.text()).isLessThan(deadline);
                assertThat(muara.isAlive()).as(muara.text()).isTrue();
                Thread.sleep(500);
            }
            stop(muara);
        }
        List<String> numbers = Files.readAllLines(committed);
        assertThat(numbers).hasSize((int) total);
        assertThat(numbers.stream().map(Long::parseLong).distinct().count()).isEqualTo(total);
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
