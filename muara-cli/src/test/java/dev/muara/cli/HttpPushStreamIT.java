package dev.muara.cli;

import static dev.muara.cli.StreamLoads.assertEachNumberOnce;
import static dev.muara.cli.StreamLoads.awaitRows;
import static dev.muara.cli.StreamLoads.count;
import static dev.muara.cli.StreamLoads.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices pushing over HTTP into PostgreSQL with Muara run as a user runs it: each body is answered 202 only once
 * committed, so clients that send again until they get it lose nothing, through kills and clean stops.
 */
class HttpPushStreamIT {

    private static final String TOKEN = "it-token-5d1c9e";
    private static final long TOTAL = 100_000;

    @TempDir
    Path dir;

    private int port;

    @BeforeEach
    void freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    private Path pipeline(String database, String write) throws Exception {
        Files.writeString(dir.resolve("ingest-token"), TOKEN);
        return Files.writeString(dir.resolve("devices.yaml"), """
                name: devices
                source:
                  type: http_listener
                  port: %d
                  token: ${file:ingest-token}
                  key: [seq]
                checkpoint: {interval: 200ms}
                """.formatted(port) + StreamLoads.postgresTarget(database, write));
    }

    private HttpPushProducer producer() {
        return new HttpPushProducer(URI.create("http://127.0.0.1:" + port + "/ingest"), TOKEN, TOTAL, 100, 8);
    }

    @Test
    void killed_twice_while_100000_messages_are_pushed_every_number_is_loaded_once() throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(database, "merge");
        try (HttpPushProducer producer = producer()) {
            // each restart listens on the same port again at once
            StreamLoads.killTwiceThenFinish(dir, pipeline, database, TOTAL, () -> producer.awaitDone(300));
        }
        assertEachNumberOnce(database, TOTAL);
    }

    @Test
    void a_clean_stop_mid_stream_answers_202_exactly_for_what_it_committed() throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(database, "append");
        try (HttpPushProducer producer = producer()) {
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 2_000, 120, muara);
                stop(muara);
            }
            assertThat(count(database, "SELECT count(*) FROM readings")).isPositive().isLessThan(TOTAL);
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                producer.awaitDone(300);
                awaitRows(database, TOTAL, 120, muara);
                stop(muara);
            }
        }
        // write: append, so a body committed but answered 503 would show as extra rows, one answered 202 but not
        // committed as missing ones
        assertEachNumberOnce(database, TOTAL);
    }
}
