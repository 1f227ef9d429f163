package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.testkit.JdbcValues;
import dev.muara.testkit.SinkBehaviour;
import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL table holding every common type with edge values travels to each database and back: PG → X → PG
 * for X in PostgreSQL, MariaDB, DuckDB and SQLite. X's copy and the copy back are compared with the original value by
 * value, so each database is checked both as a target and as a source.
 */
class DatabaseRoundTripTest {

    private static final String ORIGINAL = TestDatabases.newPostgresDatabase();

    /** The columns as Muara reads them from PostgreSQL (see docs/types.md). */
    private static final Schema COLUMNS = Schema.of(
            new Field("id", DataType.INT64),
            new Field("small", DataType.INT32),
            new Field("normal", DataType.INT32),
            new Field("big", DataType.INT64),
            new Field("exact", DataType.decimal(38, 10)),
            new Field("real_v", DataType.FLOAT64),
            new Field("double_v", DataType.FLOAT64),
            new Field("flag", DataType.BOOLEAN),
            new Field("fixed", DataType.STRING),
            new Field("var", DataType.STRING),
            new Field("body", DataType.STRING),
            new Field("bytes", DataType.BINARY),
            new Field("day", DataType.DATE),
            new Field("at_time", DataType.TIME),
            new Field("local_ts", DataType.TIMESTAMP),
            new Field("instant", DataType.TIMESTAMP_TZ),
            new Field("uid", DataType.STRING),
            new Field("doc", DataType.JSON),
            new Field("docb", DataType.JSON),
            new Field("ints", DataType.JSON),
            new Field("mood", DataType.STRING));

    @TempDir
    Path dir;

    @BeforeAll
    static void original() throws Exception {
        try (Connection c = TestDatabases.postgresConnection(ORIGINAL); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')");
            s.execute("""
                    CREATE TABLE everything (id bigint PRIMARY KEY, small smallint, normal integer, big bigint,
                      exact numeric(38,10), real_v real, double_v double precision, flag boolean, fixed char(5),
                      var varchar(100), body text, bytes bytea, day date, at_time time, local_ts timestamp,
                      instant timestamptz, uid uuid, doc json, docb jsonb, ints integer[], mood mood)""");
            s.execute("""
                    INSERT INTO everything VALUES
                    (1, 7, 42, 1234567890123, 1234.5, 1.5, 2.25, true, 'abc', 'Budi, "Santoso"', 'plain text',
                     '\\x0102', '2024-01-31', '10:15:30', '2024-01-31 10:15:30', '2024-01-31 10:15:30+07',
                     'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": true}', '{1,2,3}', 'happy'),
                    (2, -32768, -2147483648, -9223372036854775808, -999999999999999999999999999.9999999999,
                     3.4028235e38, 1e-300, false, 'ab', '', repeat('x', 1048576) || 'é', '\\x000100ff00',
                     '1900-02-28', '00:00:00', '1969-12-31 23:59:59.999999', '1950-06-15 12:00:00-03',
                     '00000000-0000-0000-0000-000000000000', '"just a string"', '[]', '{}', 'sad'),
                    (3, 32767, 2147483647, 9223372036854775807, 9999999999999999999999999999.9999999999,
                     -1.17549435e-38, -1.7976931348623157e308, true, 'Zoë', 'Zoë 佐藤 Юлия 🙂', E'tab\\tnew\\nline',
                     '\\x', '2262-04-11', '23:59:59.999999', '2262-04-11 23:47:16.854775', '2100-01-01 00:00:00+00',
                     'ffffffff-ffff-ffff-ffff-ffffffffffff', '{"nested": {"deep": [null, 1.5]}}', '{"n": 1}', '{-1,null,7}', NULL),
                    (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL, NULL)""");
        }
    }

    private static String postgres(String database) {
        TestDatabases.Server pg = TestDatabases.postgres();
        return "  type: postgres\n  host: " + pg.host() + "\n  port: " + pg.port() + "\n  database: " + database
                + "\n  user: " + pg.user() + "\n";
    }

    private static String mariadb(String database) {
        TestDatabases.Server server = TestDatabases.mariadb().orElseThrow();
        return "  type: mysql\n  host: " + server.host() + "\n  port: " + server.port() + "\n  database: " + database
                + "\n  user: " + server.user() + "\n";
    }

    private Path pipeline(String name, String source, String tableOptions, String target) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nsource:\n" + source + tableOptions
                + "target:\n" + target + "  table: everything\n  load_columns: false\n");
    }

    private static List<List<Object>> read(Connection c, String sql) throws Exception {
        return JdbcValues.query(c, sql, COLUMNS);
    }

    private static String select(char quote, Function<String, String> expression) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < COLUMNS.size(); i++) {
            String name = COLUMNS.field(i).name();
            sql.append(i == 0 ? "" : ", ").append(expression.apply(quote + name + quote));
        }
        return sql.append(" FROM ").append(quote).append("everything").append(quote).append(" ORDER BY ")
                .append(quote).append("id").append(quote).toString();
    }

    @ParameterizedTest(name = "PostgreSQL → {0} → PostgreSQL")
    @ValueSource(strings = {"postgres", "mysql", "duckdb", "sqlite"})
    void every_value_survives_a_round_trip(String via) throws Exception {
        if (via.equals("mysql")) {
            assumeTrue(TestDatabases.mariadb().isPresent(), TestDatabases.noMariaDb());
        }
        List<List<Object>> original;
        try (Connection c = TestDatabases.postgresConnection(ORIGINAL)) {
            original = read(c, select('"', column -> column.equals("\"ints\"") ? "to_json(\"ints\")::text" : column));
        }
        String middleDatabase = switch (via) {
            case "postgres" -> TestDatabases.newPostgresDatabase();
            case "mysql" -> TestDatabases.newMariaDbDatabase();
            default -> null;
        };
        String middle = switch (via) {
            case "postgres" -> postgres(middleDatabase);
            case "mysql" -> mariadb(middleDatabase);
            case "duckdb" -> "  type: duckdb\n  path: middle.duckdb\n";
            default -> "  type: sqlite\n  path: middle.sqlite\n";
        };
        Cli.Result there = Cli.run("run", pipeline("there", postgres(ORIGINAL), "  tables: [everything]\n", middle).toString());
        assertThat(there.exitCode()).as(there.all()).isZero();

        List<List<Object>> copy;
        char quote = via.equals("mysql") ? '`' : '"';
        try (Connection c = switch (via) {
            case "postgres" -> TestDatabases.postgresConnection(middleDatabase);
            case "mysql" -> TestDatabases.mariadbConnection(middleDatabase);
            case "duckdb" -> DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("middle.duckdb"));
            default -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("middle.sqlite"));
        }) {
            copy = read(c, select(quote, Function.identity()));
        }
        SinkBehaviour.assertRowsEqual(copy, expectedIn(via, original));

        String back = TestDatabases.newPostgresDatabase();
        Cli.Result home = Cli.run("run", pipeline("back", middle.replace("  path: ", "  path: "), "  tables: [everything]\n",
                postgres(back)).toString());
        assertThat(home.exitCode()).as(home.all()).isZero();
        try (Connection c = TestDatabases.postgresConnection(back)) {
            SinkBehaviour.assertRowsEqual(read(c, select('"', Function.identity())), expectedIn(via, original));
        }
    }

    /** What each database can hold of the original: the same values, except where a database has its limits. */
    private static List<List<Object>> expectedIn(String via, List<List<Object>> original) {
        if (!via.equals("mysql")) {
            return original;
        }
        // MySQL JSON normalises documents; MariaDB keeps them as written, which is what the local server is
        return original;
    }
}
