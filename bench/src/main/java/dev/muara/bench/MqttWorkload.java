package dev.muara.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.muara.bench.MeasuredProcess.Measurement;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * W6, MQTT → PostgreSQL: a stream, so it is measured differently from the bounded workloads. The suite starts a
 * Mosquitto of its own (its default of 20 messages in flight, and no limit on queued messages, so the broker drops
 * nothing while a consumer lags), publishes from this JVM with QoS 1 (see {@link Publisher}), and watches the target
 * table. Muara subscribes with MQTT 3.1.1. With larger in-flight windows this Mosquitto (2.0.11) and the HiveMQ
 * client disagreed (with MQTT 5, more unacknowledged messages than the receive maximum; with 3.1.1, a packet
 * identifier reused while the client still held it), and the stream stalled: a stall of 60 s fails the workload
 * with the log's last lines. This Mosquitto does not apply its in-flight limit to a consumer that acknowledges
 * after each commit (with {@code max_queued_messages} 0 it sends everything at once), so the publisher keeps at most
 * {@link #AHEAD} messages ahead of what PostgreSQL holds: past 65,535 unacknowledged messages the broker would reuse
 * packet identifiers.
 * Each Muara run first takes {@link #WARM_UP} messages that are not timed.
 * <ul>
 * <li>throughput: {@code messages} published as fast as the broker takes them and Muara keeps up; the time from the
 * first publish to the moment the last one is committed in PostgreSQL;</li>
 * <li>latency: 10,000 msg/s for {@code latencySeconds}; each message's time from when it was due to be published to
 * being visible in PostgreSQL (commit included), seen by polling the table's highest sequence number every 10 ms;
 * a publisher held back by a lagging Muara makes that lag part of the latency;</li>
 * <li>the broker's ceiling: {@code mosquitto_sub} with QoS 1 writing to /dev/null, time to receive every message.</li>
 * </ul>
 */
final class MqttWorkload {

    /**
     * The figures of W6.
     *
     * @param muaraThroughput Muara's sustained messages/s and peak memory
     * @param subscriberThroughput mosquitto_sub's messages/s
     * @param latencyMillis Muara's p50 and p99 end-to-end latency at the fixed rate, in milliseconds
     * @param fixedRate the fixed rate
     * @param messages messages of the throughput phase
     */
    record Figures(Measurement muaraThroughput, Measurement subscriberThroughput, double[] latencyMillis,
            int fixedRate, long messages) {
    }

    private static final String TOPIC = "bench/w6";
    private static final int FIXED_RATE = 10_000;
    /** Messages the publisher may be ahead of the highest one committed in PostgreSQL. */
    private static final long AHEAD = 20_000;
    /**
     * Messages each Muara run takes before it is timed, in rounds of {@link #AHEAD}: a stream runs for hours, so its
     * sustained rate is the one after the JIT has compiled the hot paths (in the first 200,000 messages, compiling
     * took a third of Muara's CPU).
     */
    static final long WARM_UP = 100_000;

    private final Path repository;
    private final Path folder;
    private final Postgres postgres;
    private final long messages;
    private final int latencySeconds;

    MqttWorkload(Path repository, Path work, Postgres postgres, long messages, int latencySeconds) throws IOException {
        this.repository = repository;
        this.folder = work.resolve("w6");
        Files.createDirectories(folder);
        this.postgres = postgres;
        this.messages = messages;
        this.latencySeconds = latencySeconds;
    }

    /** Whether Mosquitto is installed; without it W6 is left out with that reason. */
    static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) && !Shell.firstLine("mosquitto_sub", "--help")
                .equals("not found");
    }

    Figures run() throws Exception {
        int port = freePort();
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                max_queued_messages 0
                log_type error
                """.formatted(port));
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        try (Publisher publisher = new Publisher(port)) {
            Measurement subscriber = subscriberCeiling(port, publisher);
            String db = Postgres.TARGET_DATABASE;
            postgres.createDatabase(db);
            Measurement throughput = muara(port, publisher, db, "w6_throughput", messages, 0).measurement();
            double[] latency = muara(port, publisher, db, "w6_latency", (long) FIXED_RATE * latencySeconds,
                    FIXED_RATE).latencyMillis();
            Arrays.sort(latency);
            return new Figures(throughput, subscriber, new double[] {latency[latency.length / 2],
                latency[(int) (latency.length * 0.99)]}, FIXED_RATE, messages);
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Measurement subscriberCeiling(int port, Publisher publisher) throws Exception {
        Path log = folder.resolve("mosquitto_sub.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "mosquitto_sub -h 127.0.0.1 -p " + port + " -t "
                + TOPIC + " -q 1 -C " + messages + " > /dev/null").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process = builder.start();
        Thread.sleep(1000); // its subscription is in place before the first message
        long start = System.nanoTime();
        publisher.publish(0, messages, 0, null, null);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("mosquitto_sub did not receive " + messages + " messages: "
                    + MeasuredProcess.tail(log));
        }
        return new Measurement((System.nanoTime() - start) / 1e9, 0);
    }

    /**
     * Runs Muara on {@code table} while {@code count} messages are published at {@code rate} per second (0: as fast
     * as the broker takes them); returns the time from the first publish until the last is committed.
     */
    private StreamRun muara(int port, Publisher publisher, String db, String table, long count,
            int rate) throws Exception {
        postgres.execute(db, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table
                + " (seq bigint, sent_at bigint, device text, reading double precision)",
                "CREATE INDEX ON " + table + " (seq)");
        Path pipeline = folder.resolve(table + ".yaml");
        Files.writeString(pipeline, """
                name: bench_%s_%d
                source:
                  type: mqtt
                  host: 127.0.0.1
                  port: %d
                  topics: [%s]
                  qos: 1
                  protocol: "3.1.1"
                target:
                  %s
                  table: %s
                  write: append
                """.formatted(table, ProcessHandle.current().pid(), port, TOPIC, postgres.connectorOptions(db),
                table));
        Path log = folder.resolve(table + ".log");
        Process muara = new ProcessBuilder(repository.resolve("muara").toString(), "run", "--progress", "plain",
                pipeline.getFileName().toString()).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread stopMuara = new Thread(muara::destroy); // a suite stopped with ^C leaves no stream running
        Runtime.getRuntime().addShutdownHook(stopMuara);
        // one connection polls the table: a connection per poll would start a server process 100 times a second
        try (Connection poll = postgres.connect(db)) {
            // a first message that lands tells the subscription is in place
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (maxSeq(poll, table) < -1) {
                publisher.publish(-1, 1, 0, null, null);
                if (System.nanoTime() > deadline || !muara.isAlive()) {
                    throw new IllegalStateException("Muara did not start consuming: " + MeasuredProcess.tail(log));
                }
                Thread.sleep(200);
            }
            warmUp(publisher, poll, table, muara, log);
            long[] sentAt = new long[(int) count];
            long[] visibleAt = new long[(int) count];
            PeakMemory memory = new PeakMemory(muara.toHandle());
            long start = System.nanoTime();
            AtomicLong committed = new AtomicLong(-1);
            Thread publishing = Thread.ofPlatform().start(() -> publisher.publish(0, count, rate, sentAt, committed));
            long seen = -1;
            long progressAt = System.nanoTime();
            while (seen < count - 1) {
                long now = System.nanoTime();
                long max = maxSeq(poll, table);
                if (max > seen) {
                    progressAt = now;
                } else if (now - progressAt > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("no message was committed for 60 s, " + (seen + 1) + " of "
                            + count + " in: " + MeasuredProcess.tail(log).lines().reduce((a, b) -> b).orElse(""));
                }
                for (long seq = Math.max(seen + 1, 0); seq <= max; seq++) {
                    visibleAt[(int) seq] = now;
                }
                seen = Math.max(seen, max);
                committed.set(seen);
                memory.sample();
                if (!muara.isAlive()) {
                    String tail = MeasuredProcess.tail(log);
                    // the report shows the first line: Muara's own last word, not whatever its log held before it
                    throw new IllegalStateException("Muara stopped (" + repository.relativize(log) + "): "
                            + tail.lines().filter(line -> line.startsWith("error: ")).reduce((a, b) -> b)
                                    .orElse("no error message") + "\n" + tail);
                }
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            publishing.join();
            long rows = postgres.count(db, table + " WHERE seq >= 0");
            if (rows != count) {
                throw new IllegalStateException(table + " holds " + rows + " messages, not " + count);
            }
            return new StreamRun(new Measurement(seconds, memory.peak()), latencies(sentAt, visibleAt));
        } finally {
            muara.destroy(); // SIGTERM: Muara commits and stops
            if (!muara.waitFor(60, TimeUnit.SECONDS)) {
                muara.destroyForcibly();
            }
            Runtime.getRuntime().removeShutdownHook(stopMuara);
        }
    }

    /**
     * One run of Muara on the stream.
     *
     * @param measurement from the first publish to the last commit, and peak memory
     * @param latencyMillis each message's time from publish to being visible in PostgreSQL
     */
    private record StreamRun(Measurement measurement, double[] latencyMillis) {
    }

    private static double[] latencies(long[] sentAt, long[] visibleAt) {
        double[] millis = new double[sentAt.length];
        for (int i = 0; i < sentAt.length; i++) {
            millis[i] = (visibleAt[i] - sentAt[i]) / 1e6;
        }
        return millis;
    }

    private static long maxSeq(Connection poll, String table) throws SQLException {
        return query(poll, "SELECT coalesce(max(seq), -2) FROM " + table);
    }

    private static long query(Connection poll, String sql) throws SQLException {
        try (Statement s = poll.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Publishes {@link #WARM_UP} messages (at most as many as the timed phase has), numbered below -1 so that the
     * timed ones, from 0, are told apart, and waits until PostgreSQL holds them.
     */
    private void warmUp(Publisher publisher, Connection poll, String table, Process muara, Path log)
            throws Exception {
        long total = Math.min(WARM_UP, messages);
        for (long done = 0; done < total; done += AHEAD) {
            long round = Math.min(AHEAD, total - done);
            publisher.publish(-2 - total + done, round, 0, null, null);
            long target = done + round;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (query(poll, "SELECT count(*) FROM " + table + " WHERE seq < -1") < target) {
                if (System.nanoTime() > deadline || !muara.isAlive()) {
                    throw new IllegalStateException("Muara did not take the warm-up messages: "
                            + MeasuredProcess.tail(log));
                }
                Thread.sleep(10);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The peak of a process tree's resident memory, sampled by the caller's loop. */
    private static final class PeakMemory {
        private final ProcessHandle root;
        private long peak;

        PeakMemory(ProcessHandle root) {
            this.root = root;
        }

        void sample() {
            peak = Math.max(peak, MeasuredProcess.treeHighWaterMark(root));
        }

        long peak() {
            return peak;
        }
    }

    /**
     * The suite's publisher: QoS 1, at most 1,000 messages awaiting the broker's acknowledgement. It speaks MQTT
     * 3.1.1: with MQTT 5 this Mosquitto grants a receive maximum of 20, and the publisher, not Muara or the broker,
     * set the ceiling (in runs by hand, mosquitto_sub took 42,000–59,000 msg/s and Muara 50,000–54,000 from an
     * MQTT 5 publisher; 53,000–62,000 and 56,000–60,000 from this one).
     */
    private static final class Publisher implements AutoCloseable {
        private final Mqtt3AsyncClient client;

        Publisher(int port) {
            client = MqttClient.builder().useMqttVersion3().identifier("bench-publisher").serverHost("127.0.0.1")
                    .serverPort(port).buildAsync();
            client.connect().join();
        }

        /**
         * Publishes {@code count} messages numbered from {@code first} at {@code rate} per second (0: as fast as
         * acknowledgements come), noting in {@code sentAt}, when given, each one's send time (at a fixed rate, the
         * time it was due); with {@code committed}, stays at most {@link #AHEAD} messages ahead of it.
         */
        void publish(long first, long count, int rate, long[] sentAt, AtomicLong committed) {
            Semaphore window = new Semaphore(1000);
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            List<CompletableFuture<?>> tail = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long due = rate > 0 ? start + i * 1_000_000_000L / rate : 0;
                if (rate > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                long seq = first + i;
                while (committed != null && seq - committed.get() > AHEAD) {
                    LockSupport.parkNanos(1_000_000);
                }
                window.acquireUninterruptibly();
                long now = System.nanoTime();
                if (sentAt != null) {
                    sentAt[(int) i] = rate > 0 ? due : now;
                }
                byte[] payload = String.format(Locale.ROOT, "{\"seq\":%d,\"sent_at\":%d,\"device\":\"sensor-%d\","
                        + "\"reading\":%.3f}", seq, now, seq % 100, (seq % 1000) / 10.0)
                        .getBytes(StandardCharsets.UTF_8);
                CompletableFuture<?> sent = client.publishWith().topic(TOPIC).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload).send().whenComplete((ack, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                            window.release();
                        });
                if (i >= count - 1000) {
                    tail.add(sent);
                }
            }
            CompletableFuture.allOf(tail.toArray(CompletableFuture[]::new)).join();
            window.acquireUninterruptibly(1000);
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " messages were not acknowledged by the broker");
            }
        }

        @Override
        public void close() {
            client.disconnect().join();
        }
    }
}
