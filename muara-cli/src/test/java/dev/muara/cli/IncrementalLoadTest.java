package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incremental load by a cursor column brings exactly the new and changed rows, and merge keeps the target equal to the source. */
class IncrementalLoadTest {

    @TempDir
    Path dir;

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3));
            }
        }
        return out;
    }

    @Test
    void new_and_changed_rows_arrive_exactly_and_the_target_equals_the_source() throws Exception {
        String source = TestDatabases.newPostgresDatabase();
        String target = TestDatabases.newPostgresDatabase();
        try (Connection c = TestDatabases.postgresConnection(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, updated_at timestamptz NOT NULL)");
            s.execute("INSERT INTO orders SELECT g, 'new', timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second' "
                    + "FROM generate_series(1, 1000) g");
        }
        TestDatabases.Server pg = TestDatabases.postgres();
        String connection = "  host: " + pg.host() + "\n  port: " + pg.port() + "\n  user: " + pg.user() + "\n";
        Path pipeline = Files.writeString(dir.resolve("orders.yaml"), "name: orders\nsource:\n  type: postgres\n"
                + connection + "  database: " + source + "\n  tables: [orders]\n  cursor: updated_at\n"
                + "target:\n  type: postgres\n" + connection + "  database: " + target + "\n  write: merge\n"
                + "  load_columns: false\n");
        Path duckPipeline = Files.writeString(dir.resolve("orders-duck.yaml"), "name: orders_duck\nsource:\n  type: postgres\n"
                + connection + "  database: " + source + "\n  tables: [orders]\n  cursor: updated_at\n"
                + "target:\n  type: duckdb\n  path: orders.duckdb\n  write: merge\n  load_columns: false\n");

        Cli.Result first = Cli.run("run", pipeline.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).containsPattern("orders\\s+orders\\s+merge\\s+1/1\\s+1,000\\s+1,000\\s+0");
        assertThat(Cli.run("run", duckPipeline.toString()).exitCode()).isZero();

        try (Connection c = TestDatabases.postgresConnection(source); Statement s = c.createStatement()) {
            s.execute("INSERT INTO orders SELECT g, 'new', timestamptz '2026-02-01 00:00:00+00' + g * interval '1 second' "
                    + "FROM generate_series(1001, 1100) g");
            s.execute("UPDATE orders SET status = 'shipped', updated_at = timestamptz '2026-03-01 00:00:00+00' + id * interval '1 ms' "
                    + "WHERE id % 20 = 0");
        }
        Cli.Result second = Cli.run("run", pipeline.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        // 100 new rows (5 of them also changed) and 50 changed old ones: nothing else is read
        assertThat(second.out()).containsPattern("orders\\s+orders\\s+merge\\s+1/1\\s+150\\s+150\\s+0");
        assertThat(Cli.run("run", duckPipeline.toString()).out()).containsPattern("\\s150\\s+150\\s+0");

        String query = "SELECT id, status, updated_at FROM orders ORDER BY id";
        List<String> expected;
        try (Connection c = TestDatabases.postgresConnection(source)) {
            expected = rows(c, query);
        }
        try (Connection c = TestDatabases.postgresConnection(target)) {
            assertThat(rows(c, query)).hasSize(1100).isEqualTo(expected);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("orders.duckdb"))) {
            assertThat(rows(c, "SELECT id, status, epoch_us(updated_at) FROM orders ORDER BY id")).hasSize(1100);
            assertThat(rows(c, "SELECT count(*), count(*) FILTER (WHERE status = 'shipped'), 0 FROM orders"))
                    .containsExactly("1100|55|0");
        }

        Cli.Result third = Cli.run("run", pipeline.toString());
        assertThat(third.out()).containsPattern("orders\\s+orders\\s+merge\\s+1/1\\s+0\\s+0\\s+0");
    }

    @Test
    void a_lookback_picks_up_rows_committed_late_behind_the_cursor() throws Exception {
        String source = TestDatabases.newPostgresDatabase();
        try (Connection c = TestDatabases.postgresConnection(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (id bigint PRIMARY KEY, kind text, at timestamptz NOT NULL)");
            s.execute("INSERT INTO events VALUES (1, 'a', '2026-01-01 10:00:00+00'), (2, 'b', '2026-01-01 11:00:00+00')");
        }
        TestDatabases.Server pg = TestDatabases.postgres();
        String connection = "  host: " + pg.host() + "\n  port: " + pg.port() + "\n  user: " + pg.user() + "\n  database: " + source + "\n";
        String target = "target:\n  type: duckdb\n  path: events.duckdb\n  write: merge\n";
        Path withLookback = Files.writeString(dir.resolve("late.yaml"), "name: late\nsource:\n  type: postgres\n" + connection
                + "  tables: [events]\n  cursor: at\n  lookback: 1h\n" + target);
        Path without = Files.writeString(dir.resolve("strict.yaml"), "name: strict\nsource:\n  type: postgres\n" + connection
                + "  tables: [events]\n  cursor: at\n" + target.replace("events.duckdb", "strict.duckdb"));
        assertThat(Cli.run("run", withLookback.toString()).exitCode()).isZero();
        assertThat(Cli.run("run", without.toString()).exitCode()).isZero();
        try (Connection c = TestDatabases.postgresConnection(source); Statement s = c.createStatement()) {
            // committed now, stamped half an hour before the newest row the last runs saw
            s.execute("INSERT INTO events VALUES (3, 'late', '2026-01-01 10:30:00+00')");
        }
        assertThat(Cli.run("run", withLookback.toString()).exitCode()).isZero();
        assertThat(Cli.run("run", without.toString()).exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("events.duckdb"))) {
            assertThat(rows(c, "SELECT id, kind, 0 FROM events ORDER BY id")).containsExactly("1|a|0", "2|b|0", "3|late|0");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("strict.duckdb"))) {
            assertThat(rows(c, "SELECT id, kind, 0 FROM events ORDER BY id")).containsExactly("1|a|0", "2|b|0");
        }
    }
}
