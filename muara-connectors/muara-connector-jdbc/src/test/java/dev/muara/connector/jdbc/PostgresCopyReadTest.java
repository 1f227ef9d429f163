package dev.muara.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.error.MuaraException;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL sources read with binary COPY ({@link PgCopyRows}): every type arrives as a read through a server-side
 * cursor ({@code binary_copy: false}) gives it, the values a query inlines are quoted safely, and a read closed before its end leaves the connection
 * usable.
 */
class PostgresCopyReadTest {

    private static final String DATABASE = TestDatabases.newPostgresDatabase();

    private static Source source(List<String> tables, Map<String, Object> more) {
        Map<String, Object> options = JdbcTesting.postgresOptions(DATABASE);
        options.put("tables", tables);
        options.putAll(more);
        return new DatabaseConnectors.PostgresSource().create(new SourceContext("t", "s", Path.of(".")), Options.of("source 'postgres'", options));
    }

    /** Every row of every split, in split order, with binary values as hex so rows compare by value. */
    private static List<List<Object>> readAll(Source source, int batchRows) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (Split split : source.plan(PlanContext.FIRST_RUN)) {
            try (SplitReader reader = source.open(split, null, new RecordingReaderContext("s", batchRows, new ArrayList<>()))) {
                for (Batch batch = reader.next(Duration.ZERO); batch != null; batch = reader.next(Duration.ZERO)) {
                    for (List<Object> row : Rows.of(batch)) {
                        rows.add(row.stream().map(v -> v instanceof byte[] b ? HexFormat.of().formatHex(b) : v).toList());
                    }
                }
            }
        }
        return rows;
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = TestDatabases.postgresConnection(DATABASE); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void every_type_reads_as_a_jdbc_read_gives_it() throws Exception {
        execute("CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE DOMAIN positive AS int8 CHECK (VALUE > 0)",
                "CREATE TABLE every (id int PRIMARY KEY, b bool, s int2, i int4, l int8, r float4, d float8, n numeric(12,2), "
                        + "nu numeric, nb numeric(38,4), t text, v varchar(10), c char(5), j json, jb jsonb, by bytea, "
                        + "dt date, tm time, ttz timetz, ts timestamp, tstz timestamptz, u uuid, iv interval, m money, "
                        + "a int4[], e mood, p positive, x xml, o oid)",
                "INSERT INTO every VALUES (1, true, -32768, 2147483647, -9223372036854775808, 1.1, 0.1, -1234567890.12, "
                        + "3.14159265358979323846264338327950288, -99999999999999999999999999999999.9999, 'Zoë ✓ it''s', "
                        + "'a\\b', 'ab', '{\"a\": [1, 2]}', '{\"b\": 1}', '\\x00ff', '0001-01-01', '23:59:59.999999', "
                        + "'10:15:00+02', '1969-12-31 23:59:59.5', '2024-02-29 12:00:00.123456+05:30', "
                        + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:00:00', 12.34, '{1,NULL,3}', 'ok', 5, '<a/>', 12345)",
                "INSERT INTO every VALUES (2, false, 0, 0, 0, 'NaN', '-Infinity', 0.015, -0.00000000005, 10000, '', '', '', "
                        + "'null', '[]', '', '1999-12-31', '00:00', '00:00+00', '2000-01-01 00:00', '1970-01-01 00:00+00', "
                        + "'00000000-0000-0000-0000-000000000000', '-1 mon', 0, '{}', 'sad', 1, '', 0)",
                "INSERT INTO every (id) VALUES (3)");
        List<List<Object>> copy = readAll(source(List.of("every"), Map.of()), 100);
        List<List<Object>> jdbc = readAll(source(List.of("every"), Map.of("binary_copy", false)), 100);

        assertThat(copy).isEqualTo(jdbc);
        assertThat(copy.get(0).subList(0, 13)).containsExactly(1, true, -32768, 2147483647, Long.MIN_VALUE, 1.1, 0.1,
                new BigDecimal("-1234567890.12"), new BigDecimal("3.1415926536"),
                new BigDecimal("-99999999999999999999999999999999.9999"), "Zoë ✓ it's", "a\\b", "ab   ");
        assertThat(copy.get(0).subList(15, 21)).containsExactly("00ff", LocalDate.of(1, 1, 1),
                java.time.LocalTime.of(23, 59, 59, 999_999_000), "10:15:00+02", LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000),
                Instant.parse("2024-02-29T06:30:00.123456Z"));
        assertThat(copy.get(0).subList(24, 29)).containsExactly("[1,null,3]", "ok", 5L, "<a/>", 12345L);
        assertThat(copy.get(1).subList(5, 10)).containsExactly(Double.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("0.02"),
                new BigDecimal("0E-10"), new BigDecimal("10000.0000"));
        assertThat(copy.get(2).subList(1, 29)).allMatch(v -> v == null);
    }

    @Test
    void resuming_after_text_keys_with_quotes_and_backslashes_reads_each_row_once() throws Exception {
        execute("CREATE TABLE quoted (k text PRIMARY KEY, v int)",
                "INSERT INTO quoted VALUES ('a', 1), ('it''s', 2), ('back\\slash', 3), ('E''x\\''', 4), ('z', 5), "
                        + "('''; DROP TABLE quoted; --', 6)");
        Source source = source(List.of("quoted"), Map.of());
        Split split = source.plan(PlanContext.FIRST_RUN).get(0);
        List<Object> keys = new ArrayList<>();
        String position = null;
        // one row per open: every read after the first resumes after a key holding quotes or backslashes
        for (int reads = 0; reads < 10; reads++) {
            try (SplitReader reader = source.open(split, position, new RecordingReaderContext("s", 1, new ArrayList<>()))) {
                Batch batch = reader.next(Duration.ZERO);
                if (batch == null) {
                    break;
                }
                keys.add(Rows.of(batch).get(0).get(0));
                position = reader.position();
            }
        }
        assertThat(keys).containsExactlyInAnyOrder("a", "it's", "back\\slash", "E'x\\'", "z", "'; DROP TABLE quoted; --");
        assertThat(readAll(source, 100)).hasSize(6);
    }

    @Test
    void a_numeric_nan_is_refused_with_a_hint() throws Exception {
        execute("CREATE TABLE nan (id int PRIMARY KEY, n numeric(10,2))", "INSERT INTO nan VALUES (1, 'NaN')");
        assertThatThrownBy(() -> readAll(source(List.of("nan"), Map.of()), 100))
                .isInstanceOf(MuaraException.class).hasMessageContaining("column 'n' holds NaN, which a decimal cannot carry")
                .satisfies(e -> assertThat(((MuaraException) e).hint()).contains("NULLIF(n, 'NaN')"));
    }

    @Test
    void a_read_closed_before_its_end_leaves_its_connection_able_to_read_again() throws Exception {
        execute("CREATE TABLE many AS SELECT g AS id, repeat('x', 100) AS pad FROM generate_series(1, 200000) g",
                "ALTER TABLE many ADD PRIMARY KEY (id)");
        Source source = source(List.of("many"), Map.of("pool_size", 1L));
        Split split = source.plan(PlanContext.FIRST_RUN).get(0);
        for (int i = 0; i < 3; i++) {
            try (SplitReader reader = source.open(split, null, new RecordingReaderContext("s", 1000, new ArrayList<>()))) {
                assertThat(reader.next(Duration.ZERO).rowCount()).isEqualTo(1000);
            }
        }
        assertThat(readAll(source, 10_000)).hasSize(200_000).extracting(r -> r.get(0)).doesNotHaveDuplicates();
    }
}
