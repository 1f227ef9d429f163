package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transient faults are retried from the last checkpoint; lasting ones fail at once with a clear message. */
class DatabaseFaultsTest {

    @TempDir
    Path dir;

    private String connection() {
        TestDatabases.Server pg = TestDatabases.postgres();
        return "  host: " + pg.host() + "\n  port: " + pg.port() + "\n  user: " + pg.user() + "\n";
    }

    @Test
    void a_dropped_connection_is_retried_from_the_last_checkpoint_and_loads_each_row_once() throws Exception {
        String source = TestDatabases.newPostgresDatabase();
        String target = TestDatabases.newPostgresDatabase();
        try (Connection c = TestDatabases.postgresConnection(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id bigint PRIMARY KEY, note text)");
            s.execute("INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 600000) g");
        }
        Path pipeline = Files.writeString(dir.resolve("t.yaml"), "name: t\nsource:\n  type: postgres\n" + connection()
                + "  database: " + source + "\n  tables: [t]\n  cursor: id\ntarget:\n  type: postgres\n" + connection()
                + "  database: " + target + "\n  write: append\ncheckpoint: {rows: 50000, interval: 1h}\n"
                + "retry: {attempts: 3, backoff: 100ms}\n");
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
            assertThat(muara.awaitLine(l -> l.contains("checkpoint 2 committed"), 120)).as(muara.text()).isTrue();
            try (Connection c = TestDatabases.postgresConnection("postgres"); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + target
                        + "' AND application_name = 'muara'");
            }
            assertThat(muara.waitFor(120)).as(muara.text()).isZero();
            assertThat(muara.text()).contains("transient fault").contains("attempt 2 of 3 starts from the last checkpoint");
        }
        try (Connection c = TestDatabases.postgresConnection(target); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM t")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(600_000);
            assertThat(r.getLong(2)).isEqualTo(600_000);
        }
    }

    @Test
    void a_missing_database_fails_at_once_with_a_hint() throws Exception {
        Path pipeline = Files.writeString(dir.resolve("m.yaml"), "name: m\nsource:\n  type: postgres\n" + connection()
                + "  database: no_such_db\n  tables: [t]\ntarget:\n  type: duckdb\n  path: m.duckdb\n"
                + "retry: {attempts: 3, backoff: 10s}\n");
        long started = System.nanoTime();
        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: [postgres]").contains("no_such_db").contains("hint: check the database option");
        assertThat(System.nanoTime() - started).as("no retry waits").isLessThan(9_000_000_000L);
    }

    @Test
    void tls_verification_is_enforced_when_asked() throws Exception {
        String source = TestDatabases.newPostgresDatabase();
        Path pipeline = Files.writeString(dir.resolve("tls.yaml"), "name: tls\nsource:\n  type: postgres\n" + connection()
                + "  database: " + source + "\n  ssl_mode: verify-full\n  tables: [t]\n"
                + "target:\n  type: duckdb\n  path: tls.duckdb\nretry: {attempts: 1}\n");
        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("SSL");
    }
}
