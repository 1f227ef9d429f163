package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT into PostgreSQL with Muara run as a user runs it: killed while messages pour in, stopped with SIGTERM, started
 * again. Each test runs a broker of its own that keeps every message for a subscriber that is away (the local
 * Mosquitto keeps 1000 by default and drops the rest, which would be the broker losing messages, not Muara).
 */
class MqttStreamIT {

    private static final String TOPIC = "plant/line-1/readings";

    @TempDir
    Path dir;

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = TestDatabases.postgresConnection(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the table is created with the first commit
            }
            throw e;
        }
    }

    private Path pipeline(TestBrokers.Broker broker, String database, String write) throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        return Files.writeString(dir.resolve("sensors.yaml"), """
                name: sensors
                source:
                  type: mqtt
                  host: %s
                  port: %d
                  protocol: "3.1.1"
                  client_id: muara-sensors
                  topics: [%s]
                  key: [seq]
                target:
                  type: postgres
                  host: %s
                  port: %d
                  user: %s
                  database: %s
                  table: readings
                  write: %s
                checkpoint: {interval: 200ms}
                """.formatted(broker.host(), broker.port(), TOPIC, pg.host(), pg.port(), pg.user(), database, write));
    }

    /** Waits until the table holds at least {@code rows} distinct numbers, or fails after {@code seconds}. */
    private static void awaitRows(String database, long rows, long seconds, MuaraProcess muara) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (count(database, "SELECT count(DISTINCT seq) FROM readings") < rows) {
            assertThat(System.nanoTime()).as("all %d rows within %d s; output:%n%s", rows, seconds, muara.text())
                    .isLessThan(deadline);
            assertThat(muara.isAlive()).as(muara.text()).isTrue();
            Thread.sleep(200);
        }
    }

    private static void stop(MuaraProcess muara) throws Exception {
        muara.signal("TERM");
        assertThat(muara.waitFor(60)).as(muara.text()).isZero();
    }

    @Test
    void killed_twice_while_100000_messages_arrive_every_number_is_loaded_once() throws Exception {
        TestBrokers.Broker broker = TestBrokers.startMoquette();
        MqttPublisher.createSession(broker, "muara-sensors", TOPIC);
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(broker, database, "merge");
        Random random = new Random();
        try (MqttPublisher publisher = new MqttPublisher(broker, TOPIC, 1, 100_000, 0)) {
            for (int kill = 1; kill <= 2; kill++) {
                try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                    long loaded = count(database, "SELECT count(*) FROM readings");
                    awaitRows(database, loaded + 1_000 + random.nextInt(20_000), 120, muara);
                    Thread.sleep(random.nextInt(300));
                    muara.kill();
                }
            }
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                publisher.awaitDone(300);
                awaitRows(database, 100_000, 300, muara);
                stop(muara);
            }
        }
        assertThat(count(database, "SELECT count(*) FROM readings")).isEqualTo(100_000);
        assertThat(count(database, "SELECT count(DISTINCT seq) FROM readings")).isEqualTo(100_000);
        assertThat(count(database, "SELECT min(seq) FROM readings")).isEqualTo(1);
        assertThat(count(database, "SELECT max(seq) FROM readings")).isEqualTo(100_000);
    }

    @Test
    void a_clean_stop_mid_stream_loses_nothing_and_loads_nothing_twice_and_the_session_keeps_what_comes_meanwhile()
            throws Exception {
        TestBrokers.Broker broker = TestBrokers.startMoquette();
        MqttPublisher.createSession(broker, "muara-sensors", TOPIC);
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(broker, database, "append");
        try (MqttPublisher publisher = new MqttPublisher(broker, TOPIC, 1, 20_000, 4_000)) {
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 2_000, 120, muara);
                stop(muara);
            }
            long loadedBeforeStop = count(database, "SELECT count(*) FROM readings");
            assertThat(loadedBeforeStop).isPositive().isLessThan(20_000);
            // everything published while Muara is stopped waits in its persistent session
            publisher.awaitDone(120);
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 20_000, 120, muara);
                stop(muara);
            }
        }
        // write: append, so a message loaded twice would show as an extra row
        assertThat(count(database, "SELECT count(*) FROM readings")).isEqualTo(20_000);
        assertThat(count(database, "SELECT count(DISTINCT seq) FROM readings")).isEqualTo(20_000);
    }
}
