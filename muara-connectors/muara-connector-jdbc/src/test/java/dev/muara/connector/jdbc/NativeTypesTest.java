package dev.muara.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muara.api.data.Batch;
import dev.muara.api.option.Options;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.Rows;
import dev.muara.testkit.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types particular to each database map to Muara types as docs/types.md says, values intact. */
class NativeTypesTest {

    @TempDir
    Path dir;

    private static Batch readFirst(Source source) throws Exception {
        Split split = source.plan(PlanContext.FIRST_RUN).get(0);
        try (SplitReader reader = source.open(split, null, new RecordingReaderContext("s", 100, new ArrayList<>()))) {
            return reader.next(Duration.ZERO);
        }
    }

    @Test
    void mysql_tinyint1_unsigned_year_enum_set_datetime_and_timestamp() throws Exception {
        assumeTrue(TestDatabases.mariadb().isPresent(), TestDatabases.noMariaDb());
        String database = TestDatabases.newMariaDbDatabase();
        try (Connection c = TestDatabases.mariadbConnection(database); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            s.execute("CREATE TABLE n (id INT PRIMARY KEY, flag TINYINT(1), u INT UNSIGNED, ub BIGINT UNSIGNED, y YEAR, "
                    + "e ENUM('a','b'), st SET('x','y'), dt DATETIME(6), ts TIMESTAMP(6) NULL, tiny TINYINT, med MEDIUMINT, "
                    + "f FLOAT, bits BIT(1), txt MEDIUMTEXT, bin VARBINARY(10))");
            s.execute("INSERT INTO n VALUES (1, 1, 4294967295, 18446744073709551615, 2024, 'b', 'x,y', "
                    + "'1000-01-01 00:00:00.000001', '2038-01-19 03:14:07.999999', -128, -8388608, 1.5, b'1', 'é', x'00ff')");
        }
        Map<String, Object> options = JdbcTesting.mariadbOptions(database);
        options.put("tables", List.of("n"));
        Batch batch = readFirst(new DatabaseConnectors.MySqlSource().create(new SourceContext("t", "n", Path.of(".")),
                Options.of("s", options)));
        assertThat(batch.schema().toString()).isEqualTo("[id int32, flag boolean, u int64, ub decimal(20,0), y int32, e string, "
                + "st string, dt timestamp, ts timestamptz, tiny int32, med int32, f float64, bits boolean, txt string, bin binary]");
        assertThat(Rows.of(batch).get(0)).containsExactly(1, true, 4294967295L, new BigDecimal("18446744073709551615"), 2024,
                "b", "x,y", LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1000), Instant.parse("2038-01-19T03:14:07.999999Z"), -128,
                -8388608, 1.5, true, "é", batch.column(14).getObject(0));
        assertThat((byte[]) batch.column(14).getObject(0)).containsExactly(0, 0xff);
    }

    @Test
    void duckdb_hugeint_unsigned_uuid_lists_and_structs() throws Exception {
        Path file = dir.resolve("n.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE n (id INTEGER PRIMARY KEY, h HUGEINT, u UINTEGER, g UUID, l INTEGER[], st STRUCT(a INTEGER, b VARCHAR), "
                    + "j JSON, tz TIMESTAMPTZ)");
            s.execute("INSERT INTO n VALUES (1, 170141183460469231731687303715884105727, 4294967295, "
                    + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', [1, NULL, 3], {'a': 1, 'b': 'x'}, '{\"k\": 1}', '2024-01-31 10:00:00+00')");
        }
        Batch batch = readFirst(new DatabaseConnectors.DuckDbSource().create(new SourceContext("t", "n", dir),
                Options.of("s", Map.of("path", "n.duckdb", "tables", List.of("n")))));
        assertThat(batch.schema().toString()).isEqualTo("[id int32, h decimal(38,0), u int64, g string, l json, st json, j json, tz timestamptz]");
        assertThat(Rows.of(batch).get(0)).containsExactly(1, new BigDecimal("170141183460469231731687303715884105727"),
                4294967295L, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "[1,null,3]", "{\"a\":1,\"b\":\"x\"}", "{\"k\": 1}",
                Instant.parse("2024-01-31T10:00:00Z"));
    }

    @Test
    void sqlite_declared_types_and_dynamic_values() throws Exception {
        Path file = dir.resolve("n.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE n (id INTEGER PRIMARY KEY, amount NUMERIC(12,2), ok BOOLEAN, day DATE, at DATETIME, "
                    + "name VARCHAR(20), data BLOB, ratio DOUBLE, doc JSON)");
            s.execute("INSERT INTO n VALUES (1, '1234.50', 1, '2024-01-31', '2024-01-31 10:15:30', 'Zoë', x'0001', 0.25, '{\"a\":1}')");
        }
        Batch batch = readFirst(new DatabaseConnectors.SqliteSource().create(new SourceContext("t", "n", dir),
                Options.of("s", Map.of("path", "n.sqlite", "tables", List.of("n")))));
        assertThat(batch.schema().toString()).isEqualTo("[id int64, amount decimal(12,2), ok boolean, day date, at timestamp, "
                + "name string, data binary, ratio float64, doc json]");
        assertThat(Rows.of(batch).get(0).subList(0, 6)).containsExactly(1L, new BigDecimal("1234.50"), true,
                java.time.LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 10, 15, 30), "Zoë");
    }

    @Test
    void refused_driver_properties_are_named() {
        Map<String, Object> options = JdbcTesting.postgresOptions("x");
        options.put("tables", List.of("t"));
        options.put("properties", Map.of("socketFactory", "org.example.Evil"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseConnectors.PostgresSource()
                .create(new SourceContext("t", "s", Path.of(".")), Options.of("source 'postgres'", options)))
                .hasMessageContaining("the driver property 'socketFactory' is refused");
    }
}
