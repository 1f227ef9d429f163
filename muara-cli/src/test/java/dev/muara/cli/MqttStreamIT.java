package dev.muara.cli;

import static dev.muara.cli.StreamLoads.assertEachNumberOnce;
import static dev.muara.cli.StreamLoads.awaitRows;
import static dev.muara.cli.StreamLoads.count;
import static dev.muara.cli.StreamLoads.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT into PostgreSQL with Muara run as a user runs it. Each test runs a broker of its own that keeps every message
 * for a subscriber that is away (the local Mosquitto keeps 1000 by default and drops the rest, which would be the
 * broker losing messages, not Muara).
 */
class MqttStreamIT {

    private static final String TOPIC = "plant/line-1/readings";

    @TempDir
    Path dir;

    private Path pipeline(TestBrokers.Broker broker, String database, String write) throws Exception {
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
                checkpoint: {interval: 200ms}
                """.formatted(broker.host(), broker.port(), TOPIC) + StreamLoads.postgresTarget(database, write));
    }

    @Test
    void killed_twice_while_100000_messages_arrive_every_number_is_loaded_once() throws Exception {
        TestBrokers.Broker broker = TestBrokers.startMoquette();
        MqttPublisher.createSession(broker, "muara-sensors", TOPIC);
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(broker, database, "merge");
        try (MqttPublisher publisher = new MqttPublisher(broker, TOPIC, 1, 100_000, 0)) {
            StreamLoads.killTwiceThenFinish(dir, pipeline, database, 100_000, () -> publisher.awaitDone(300));
        }
        assertEachNumberOnce(database, 100_000);
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
            assertThat(count(database, "SELECT count(*) FROM readings")).isPositive().isLessThan(20_000);
            // everything published while Muara is stopped waits in its persistent session
            publisher.awaitDone(120);
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 20_000, 120, muara);
                stop(muara);
            }
        }
        // write: append, so a message loaded twice would show as an extra row
        assertEachNumberOnce(database, 20_000);
    }
}
