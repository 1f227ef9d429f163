package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;

/**
 * A stream pipeline into PostgreSQL run as a user runs it: killed while messages pour in, stopped with SIGTERM,
 * started again, and the table checked row by row. Messages carry a {@code seq} number; the table is
 * {@code readings}.
 */
final class StreamLoads {

    private StreamLoads() {
    }

    /** The target block of a pipeline loading into {@code readings} of {@code database}. */
    static String postgresTarget(String database, String write) {
        TestDatabases.Server pg = TestDatabases.postgres();
        return """
                target:
                  type: postgres
                  host: %s
                  port: %d
                  user: %s
                  database: %s
                  table: readings
                  write: %s
                """.formatted(pg.host(), pg.port(), pg.user(), database, write);
    }

    static long count(String database, String sql) throws SQLException {
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

    /** Waits until the table holds at least {@code rows} distinct numbers, or fails after {@code seconds}. */
    static void awaitRows(String database, long rows, long seconds, MuaraProcess muara) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (count(database, "SELECT count(DISTINCT seq) FROM readings") < rows) {
            assertThat(System.nanoTime()).as("%d rows within %d s; output:%n%s", rows, seconds, muara.text())
                    .isLessThan(deadline);
            assertThat(muara.isAlive()).as(muara.text()).isTrue();
            Thread.sleep(200);
        }
    }

    /** SIGTERM, as a service manager stops Muara: it must commit, acknowledge and exit 0. */
    static void stop(MuaraProcess muara) throws Exception {
        muara.signal("TERM");
        assertThat(muara.waitFor(60)).as(muara.text()).isZero();
    }

    /**
     * Runs the pipeline and kills it (SIGKILL) twice at random moments while rows arrive, then runs it until all
     * {@code total} numbers are in and stops it cleanly; {@code published} waits until the producer is done.
     */
    static void killTwiceThenFinish(Path dir, Path pipeline, String database, long total, Published published)
            throws Exception {
        Random random = new Random();
        for (int kill = 1; kill <= 2; kill++) {
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                long loaded = count(database, "SELECT count(*) FROM readings");
                awaitRows(database, Math.min(total - 1, loaded + 1_000 + random.nextInt(20_000)), 180, muara);
                Thread.sleep(random.nextInt(300));
                muara.kill();
            }
        }
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
            published.await();
            awaitRows(database, total, 300, muara);
            stop(muara);
        }
    }

    /** Checks that {@code readings} holds every number from 1 to {@code total} exactly once. */
    static void assertEachNumberOnce(String database, long total) throws SQLException {
        assertThat(count(database, "SELECT count(*) FROM readings")).isEqualTo(total);
        assertThat(count(database, "SELECT count(DISTINCT seq) FROM readings")).isEqualTo(total);
        assertThat(count(database, "SELECT min(seq) FROM readings")).isEqualTo(1);
        assertThat(count(database, "SELECT max(seq) FROM readings")).isEqualTo(total);
    }

    /** Waits until a producer has handed every message to its broker. */
    @FunctionalInterface
    interface Published {
        void await() throws Exception;
    }
}
