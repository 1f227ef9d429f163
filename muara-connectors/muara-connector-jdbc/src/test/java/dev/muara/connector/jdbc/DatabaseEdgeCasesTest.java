package dev.muara.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values and settings at the edges: refused clearly rather than mangled, read in the right order. */
class DatabaseEdgeCasesTest {

    @TempDir
    Path dir;

    private static List<List<Object>> readAll(Source source, String position) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (Split split : source.plan(PlanContext.FIRST_RUN)) {
            try (SplitReader reader = source.open(split, position, new RecordingReaderContext("s", 100, new ArrayList<>()))) {
                for (Batch batch = reader.next(Duration.ZERO); batch != null; batch = reader.next(Duration.ZERO)) {
                    rows.addAll(Rows.of(batch));
                }
            }
        }
        return rows;
    }

    private Source sqlite(String sql, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("e.sqlite")); Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) {
                s.execute(statement);
            }
        }
        return new DatabaseConnectors.SqliteSource().create(new SourceContext("t", table, dir),
                Options.of("source 'sqlite'", Map.of("path", "e.sqlite", "tables", List.of(table))));
    }

    @Test
    void sqlite_values_that_do_not_fit_the_declared_type_are_refused_not_turned_into_zero() throws Exception {
        Source text = sqlite("CREATE TABLE a (id INTEGER PRIMARY KEY, n BIGINT); INSERT INTO a VALUES (1, 'abc')", "a");
        assertThatThrownBy(() -> readAll(text, null)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("column n holds 'abc', which is not a int64");
        Source fraction = sqlite("CREATE TABLE b (id INTEGER PRIMARY KEY, n INT); INSERT INTO b VALUES (1, 3.7)", "b");
        assertThatThrownBy(() -> readAll(fraction, null)).hasMessageContaining("column n holds '3.7'");
        Source date = sqlite("CREATE TABLE c (id INTEGER PRIMARY KEY, d DATE); INSERT INTO c VALUES (1, 'soon')", "c");
        assertThatThrownBy(() -> readAll(date, null)).hasMessageContaining("column d holds 'soon', which is not a date");
    }

    @Test
    void sqlite_timestamp_keys_written_in_different_text_forms_are_ordered_and_resumed_by_time() throws Exception {
        Source source = sqlite("CREATE TABLE t (at DATETIME PRIMARY KEY, v INT); "
                + "INSERT INTO t VALUES ('2024-01-01T10:00:00', 1), ('2024-01-01 09:00:00', 2), ('2024-01-01 11:00:00', 3)", "t");
        assertThat(readAll(source, null)).extracting(r -> r.get(1)).containsExactly(2L, 1L, 3L);
        // resumed after the 10:00 row, however it was spelled
        String position = PositionCodec.encode(List.of("2024-01-01 10:00:00"));
        assertThat(readAll(source, position)).extracting(r -> r.get(1)).containsExactly(3L);
    }

    @Test
    void a_table_split_by_a_column_holding_nulls_reads_each_row_exactly_once() throws Exception {
        StringBuilder sql = new StringBuilder("CREATE TABLE p (k INT, v INT); INSERT INTO p VALUES ");
        for (int i = 1; i <= 100; i++) {
            sql.append(i == 1 ? "" : ", ").append('(').append(i % 10 == 0 ? "NULL" : String.valueOf(i)).append(", ").append(i).append(')');
        }
        sqlite(sql.toString(), "p");
        Source source = new DatabaseConnectors.SqliteSource().create(new SourceContext("t", "p", dir), Options.of("source 'sqlite'",
                Map.of("path", "e.sqlite", "tables", List.of("p"), "partitions", 4L, "partition_column", "k")));
        assertThat(source.plan(PlanContext.FIRST_RUN)).hasSize(4);
        assertThat(readAll(source, null)).extracting(r -> ((Number) r.get(1)).intValue())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void postgres_time_with_zone_keeps_its_zone_and_infinity_is_refused_with_a_hint() throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        try (Connection c = TestDatabases.postgresConnection(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE z (id int PRIMARY KEY, t timetz, d date)");
            s.execute("INSERT INTO z VALUES (1, '10:15:00+02', '2024-01-31')");
            s.execute("CREATE TABLE inf (id int PRIMARY KEY, d date)");
            s.execute("INSERT INTO inf VALUES (1, 'infinity')");
        }
        Map<String, Object> options = JdbcTesting.postgresOptions(database);
        options.put("tables", List.of("z", "inf"));
        Source source = new DatabaseConnectors.PostgresSource().create(new SourceContext("t", "s", dir),
                Options.of("source 'postgres'", options));
        List<Split> splits = source.plan(PlanContext.FIRST_RUN);
        try (SplitReader reader = source.open(splits.get(0), null, new RecordingReaderContext("s", 100, new ArrayList<>()))) {
            Batch batch = reader.next(Duration.ZERO);
            assertThat(batch.schema().toString()).isEqualTo("[id int32, t string, d date]");
            assertThat(Rows.of(batch).get(0).get(1)).isEqualTo("10:15:00+02");
        }
        try (SplitReader reader = source.open(splits.get(1), null, new RecordingReaderContext("s", 100, new ArrayList<>()))) {
            assertThatThrownBy(() -> reader.next(Duration.ZERO)).isInstanceOf(MuaraException.class)
                    .hasMessageContaining("column 'd' holds infinity, outside the range Muara can carry")
                    .satisfies(e -> assertThat(((MuaraException) e).hint()).contains("isfinite"));
        }
    }

    @Test
    void connection_values_that_would_smuggle_driver_settings_into_the_url_are_refused() {
        for (String database : List.of("test?allowLoadLocalInfile=true", "test&sslMode=disable", "test;x=1", "a/b")) {
            Map<String, Object> options = Map.of("host", "127.0.0.1", "database", database, "tables", List.of("t"));
            assertThatThrownBy(() -> new DatabaseConnectors.MySqlSource().create(new SourceContext("t", "s", dir),
                    Options.of("source 'mysql'", options)))
                    .isInstanceOf(MuaraException.class).hasMessageContaining("database");
        }
        Map<String, Object> host = JdbcTesting.postgresOptions("test");
        host.put("host", "db.example.com/x?sslmode=disable#");
        host.put("tables", List.of("t"));
        assertThatThrownBy(() -> new DatabaseConnectors.PostgresSource().create(new SourceContext("t", "s", dir),
                Options.of("source 'postgres'", host))).hasMessageContaining("host");
    }

    @Test
    void a_missing_sqlite_source_file_is_named_instead_of_created_empty() {
        assertThatThrownBy(() -> new DatabaseConnectors.SqliteSource().create(new SourceContext("t", "s", dir),
                Options.of("source 'sqlite'", Map.of("path", "missing.sqlite", "tables", List.of("t")))))
                .isInstanceOf(MuaraException.class).hasMessageContaining("missing.sqlite");
        assertThat(dir.resolve("missing.sqlite")).doesNotExist();
    }

    @Test
    void mysql_tables_hold_any_text_and_tell_keys_apart_by_case_whatever_the_server_default() throws Exception {
        assumeTrue(TestDatabases.mariadb().isPresent(), TestDatabases.noMariaDb());
        String database = TestDatabases.newMariaDbDatabase();
        try (Connection c = TestDatabases.mariadbConnection(database); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        }
        Schema schema = Schema.of(new Field("k", DataType.STRING), new Field("name", DataType.STRING));
        try (Sink sink = new DatabaseConnectors.MySqlTarget().create(new SinkContext("t", dir),
                Options.of("target 'mysql'", JdbcTesting.mariadbOptions(database)));
                SinkWriter writer = sink.open(new WriterContext("r1", false,
                        List.of(new StreamTarget("s", "t", WriteMode.MERGE, List.of("k"), Options.of("s", Map.of())))))) {
            writer.write("s", Rows.batch(schema, List.of(Rows.row("a", "佐藤 😀"), Rows.row("A", "Zoë"))));
            writer.commit(new dev.muara.api.sink.Checkpoint(1, "{}", true));
        }
        try (Connection c = TestDatabases.mariadbConnection(database); Statement s = c.createStatement();
                java.sql.ResultSet rows = s.executeQuery("SELECT k, name FROM t ORDER BY k")) {
            List<String> read = new ArrayList<>();
            while (rows.next()) {
                read.add(rows.getString(1) + "=" + rows.getString(2));
            }
            assertThat(read).containsExactly("A=Zoë", "a=佐藤 😀");
        }
    }

    @Test
    void merge_into_an_existing_table_without_a_key_on_the_merge_columns_is_refused() throws Exception {
        assumeTrue(TestDatabases.mariadb().isPresent(), TestDatabases.noMariaDb());
        String database = TestDatabases.newMariaDbDatabase();
        try (Connection c = TestDatabases.mariadbConnection(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT, v VARCHAR(10))");
        }
        Schema schema = Schema.of(new Field("id", DataType.INT64), new Field("v", DataType.STRING));
        try (Sink sink = new DatabaseConnectors.MySqlTarget().create(new SinkContext("t", dir),
                Options.of("target 'mysql'", JdbcTesting.mariadbOptions(database)));
                SinkWriter writer = sink.open(new WriterContext("r1", false,
                        List.of(new StreamTarget("s", "t", WriteMode.MERGE, List.of("id"), Options.of("s", Map.of())))))) {
            assertThatThrownBy(() -> writer.write("s", Rows.batch(schema, List.of(Rows.row(1L, "a")))))
                    .isInstanceOf(MuaraException.class)
                    .hasMessageContaining("has no primary key or unique index on (id), which write: merge upserts on");
            writer.abort();
        }
    }
    @Test
    void postgres_decimals_of_every_scale_and_size_load_by_copy_exactly() throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        int[][] types = {{12, 2}, {18, 0}, {18, 7}, {10, 9}, {38, 18}, {38, 3}};
        List<Field> fields = new ArrayList<>(List.of(new Field("id", DataType.INT32)));
        for (int[] type : types) {
            fields.add(new Field("d" + type[0] + "_" + type[1], DataType.decimal(type[0], type[1])));
        }
        Schema schema = new Schema(fields);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<List<Object>> rows = new ArrayList<>();
        for (int id = 0; id < 600; id++) {
            List<Object> row = new ArrayList<>(List.of(id));
            for (int[] type : types) {
                // every number of digits up to the type's, so small, round and full-width values all occur
                int digits = random.nextInt(0, type[0] + 1);
                BigDecimal value = digits == 0 ? BigDecimal.ZERO.setScale(type[1])
                        : new BigDecimal(new java.math.BigInteger(digits * 4, new java.util.Random(random.nextLong()))
                                .mod(java.math.BigInteger.TEN.pow(digits)), type[1]);
                row.add(random.nextBoolean() ? value.negate() : value);
            }
            rows.add(row);
        }
        try (Sink sink = new DatabaseConnectors.PostgresTarget().create(new SinkContext("t", dir),
                Options.of("target 'postgres'", JdbcTesting.postgresOptions(database)));
                SinkWriter writer = sink.open(new WriterContext("r1", false,
                        List.of(new StreamTarget("s", "t", WriteMode.APPEND, List.of(), Options.of("s", Map.of())))))) {
            writer.write("s", new Batch(schema, Rows.batch(schema, rows).columns(), rows.size()));
            writer.commit(new dev.muara.api.sink.Checkpoint(1, "{}", true));
        }
        try (Connection c = TestDatabases.postgresConnection(database); Statement s = c.createStatement();
                java.sql.ResultSet read = s.executeQuery("SELECT * FROM t ORDER BY id")) {
            for (List<Object> expected : rows) {
                assertThat(read.next()).isTrue();
                for (int column = 1; column < fields.size(); column++) {
                    assertThat(read.getBigDecimal(column + 1)).as("row %s, %s", expected.get(0), fields.get(column))
                            .isEqualTo((BigDecimal) expected.get(column));
                }
            }
        }
    }
}
