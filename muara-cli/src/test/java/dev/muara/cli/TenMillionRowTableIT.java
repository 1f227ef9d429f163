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

/**
 * A 10-million-row PostgreSQL table copies to another database in parallel key-range splits, with peak memory
 * (resident set of the Muara process) under 1 GiB: each split streams through a server-side cursor.
 */
class TenMillionRowTableIT {

    private static final long ROWS = 10_000_000;

    @TempDir
    Path dir;

    @Test
    void a_ten_million_row_table_copies_in_parallel_splits_with_flat_memory() throws Exception {
        String source = TestDatabases.newPostgresDatabase();
        String target = TestDatabases.newPostgresDatabase();
        try (Connection c = TestDatabases.postgresConnection(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id bigint PRIMARY KEY, qty integer, amount numeric(12,2), code text, "
                    + "description text, day date, at timestamptz)");
            s.execute("INSERT INTO big SELECT g, g % 1000, (g % 100000) / 100.0, 'C' || (g % 5000), "
                    + "'Item ' || g || ', with a comma and a longer text, as descriptions have', "
                    + "date '2020-01-01' + (g % 2000)::int, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' "
                    + "FROM generate_series(1, " + ROWS + ") g");
        }
        TestDatabases.Server pg = TestDatabases.postgres();
        String connection = "  host: " + pg.host() + "\n  port: " + pg.port() + "\n  user: " + pg.user() + "\n";
        Path pipeline = Files.writeString(dir.resolve("copy.yaml"), "name: copy\nsource:\n  type: postgres\n" + connection
                + "  database: " + source + "\n  tables: [big]\n  partitions: 4\n"
                + "target:\n  type: postgres\n" + connection + "  database: " + target + "\n  write: append\n"
                + "parallelism: 2\n");
        long peak = 0;
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "512m", "run", pipeline.toString())) {
            while (muara.isAlive()) {
                peak = Math.max(peak, muara.peakRssBytes());
                Thread.sleep(50);
            }
            assertThat(muara.waitFor(600)).as(muara.text()).isZero();
            assertThat(muara.text()).contains("10,000,000 rows loaded").containsPattern("big\\s+big\\s+append\\s+4/4");
        }
        System.out.printf("peak resident memory copying %,d rows: %,d MiB%n", ROWS, peak >> 20);
        assertThat(peak).isPositive().isLessThan(1L << 30);
        try (Connection c = TestDatabases.postgresConnection(target); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id), sum(id) FROM big")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(ROWS);
            assertThat(r.getLong(2)).isEqualTo(ROWS);
            assertThat(r.getLong(3)).isEqualTo(ROWS * (ROWS + 1) / 2);
        }
    }
}
