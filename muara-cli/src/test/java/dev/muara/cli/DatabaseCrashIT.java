package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 2-million-row table copy, PostgreSQL to PostgreSQL and to DuckDB, killed with SIGKILL at a random moment three
 * times and run again each time: the target ends with exactly the source rows, none twice. The load appends, so a
 * resume that started one row too early or too late would show.
 */
class DatabaseCrashIT {

    private static final long ROWS = 2_000_000;
    private static final String SOURCE = TestDatabases.newPostgresDatabase();

    @TempDir
    Path dir;

    @BeforeAll
    static void source() throws Exception {
        try (Connection c = TestDatabases.postgresConnection(SOURCE); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id bigint PRIMARY KEY, amount numeric(12,2), note text, at timestamptz)");
            s.execute("INSERT INTO big SELECT g, (g % 100000) / 100.0, 'row ' || g, timestamptz '2026-01-01 00:00:00+00' "
                    + "+ g * interval '1 second' FROM generate_series(1, " + ROWS + ") g");
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @ParameterizedTest(name = "PostgreSQL → {0}")
    @ValueSource(strings = {"postgres", "duckdb"})
    void killed_three_times_then_finished_every_row_is_there_once(String target) throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        String connection = "  host: " + pg.host() + "\n  port: " + pg.port() + "\n  user: " + pg.user() + "\n";
        String targetDatabase = target.equals("postgres") ? TestDatabases.newPostgresDatabase() : null;
        String targetBlock = target.equals("postgres")
                ? "  type: postgres\n" + connection + "  database: " + targetDatabase + "\n"
                : "  type: duckdb\n  path: big.duckdb\n";
        Path pipeline = Files.writeString(dir.resolve("big.yaml"), "name: big\nsource:\n  type: postgres\n" + connection
                + "  database: " + SOURCE + "\n  tables: [big]\n  cursor: id\n"
                + "target:\n" + targetBlock + "  write: append\n"
                + "checkpoint: {rows: 100000, interval: 1h}\nbatch_rows: 5000\nparallelism: 2\n");
        Random random = new Random();
        for (int kill = 1; kill <= 3; kill++) {
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                int after = 1 + random.nextInt(4);
                assertThat(muara.awaitLine(l -> l.contains("checkpoint") && l.contains("committed")
                        && muara.output.stream().filter(o -> o.contains(" committed")).count() >= after, 180))
                        .as(muara.text()).isTrue();
                Thread.sleep(random.nextInt(400));
                muara.kill();
            }
        }
        Cli.Result last = Cli.run("run", pipeline.toString());
        assertThat(last.exitCode()).as(last.all()).isZero();
        try (Connection c = target.equals("postgres") ? TestDatabases.postgresConnection(targetDatabase)
                : DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("big.duckdb"))) {
            assertThat(count(c, "SELECT count(*) FROM big")).isEqualTo(ROWS);
            assertThat(count(c, "SELECT count(DISTINCT id) FROM big")).isEqualTo(ROWS);
            assertThat(count(c, "SELECT sum(id) FROM big")).isEqualTo(ROWS * (ROWS + 1) / 2);
        }
    }
}
