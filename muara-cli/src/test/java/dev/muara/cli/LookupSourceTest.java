package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.core.config.InvalidConfigException;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.PipelineLoader;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import dev.muara.testkit.Rows;
import dev.muara.testkit.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lookup from a database table or query instead of a file: a run against PostgreSQL, and the lookup source read
 * from an SQLite file as a pipeline makes it, with what is refused.
 */
class LookupSourceTest {

    private static final String SECRET = "crm-secret-4f9a2b7c";
    private static final Function<String, String> ENV = name -> name.equals("CRM_PASSWORD") ? SECRET : null;
    private static final Schema CUSTOMERS = Schema.of(new Field("id", DataType.INT64), new Field("country", DataType.STRING));

    /** A context for a lookup with on_missing: null, which rejects nothing. */
    private static final TransformContext NO_REJECTS = new TransformContext() {
        @Override
        public String stream() {
            return "customers";
        }

        @Override
        public void reject(Batch input, int row, String reason) {
            throw new AssertionError("rejected row " + row + ": " + reason);
        }
    };

    @TempDir
    Path dir;

    private final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
    private final Redactor redactor = new Redactor();

    @BeforeEach
    void crm() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("crm.sqlite"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT, population_m INTEGER, area_km2 REAL)");
            s.execute("INSERT INTO countries VALUES ('ID', 'Indonesia', 278, 1904569.0), ('CI', 'Côte d’Ivoire', 29, NULL), "
                    + "('JP', 'Japan', 124, 377975.5)");
            s.execute("CREATE TABLE regions (code TEXT, region TEXT)");
        }
    }

    /** The lookup {@code transform} (its YAML, one line) as a pipeline in {@code dir} makes it. */
    private Transform lookup(String transform) throws Exception {
        PipelineConfig config = load(transform);
        return registry.transform("lookup").create(config.transformSetup(registry, redactor),
                config.transforms().get(0).options());
    }

    private PipelineConfig load(String transform) throws Exception {
        Path pipeline = Files.writeString(dir.resolve("customers.yaml"), """
                name: customers
                source: {type: file, path: customers.csv}
                target: {type: duckdb, path: customers.duckdb}
                transforms:
                  - %s
                """.formatted(transform));
        return new PipelineLoader(registry, ENV, redactor).load(pipeline);
    }

    @Test
    void a_run_enriches_a_file_from_a_postgres_table_keeping_the_tables_column_types() throws Exception {
        String crm = TestDatabases.newPostgresDatabase();
        try (Connection c = TestDatabases.postgresConnection(crm); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE countries (code text PRIMARY KEY, country_name text, population_m integer, joined date, "
                    + "gdp numeric(12,1))");
            s.execute("INSERT INTO countries VALUES ('ID', 'Indonesia', 278, '1950-09-28', 1371.2), "
                    + "('CI', 'Côte d’Ivoire', 29, NULL, 78.8), ('JP', 'Japan', 124, '1956-12-18', 4204.5)");
        }
        Files.writeString(dir.resolve("customers.csv"), "id,country\n1,ID\n2,CI\n3,XX\n4,JP\n");
        TestDatabases.Server pg = TestDatabases.postgres();
        Path pipeline = Files.writeString(dir.resolve("customers.yaml"), """
                name: customers
                source: {type: file, path: customers.csv, columns: {id: int64}}
                target: {type: duckdb, path: customers.duckdb, table: customers, load_columns: false}
                transforms:
                  - type: lookup
                    source:
                      type: postgres
                      host: %s
                      port: %d
                      user: %s
                      password: ${env:CRM_PASSWORD}
                      database: %s
                      tables: [countries]
                    key: code
                    on: country
                    columns: [country_name, population_m, joined, gdp]
                """.formatted(pg.host(), pg.port(), pg.user(), crm));

        Cli.Result validate = Cli.run(ENV, "validate", pipeline.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        Cli.Result run = Cli.run(ENV, "run", pipeline.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(validate.all() + run.all()).doesNotContain(SECRET);

        Path db = dir.resolve("customers.duckdb");
        assertThat(Duck.rows(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
                + "'customers' ORDER BY ordinal_position")).containsExactly(List.of("id", "BIGINT"),
                List.of("country", "VARCHAR"), List.of("country_name", "VARCHAR"), List.of("population_m", "INTEGER"),
                List.of("joined", "DATE"), List.of("gdp", "DECIMAL(12,1)"));
        assertThat(Duck.rows(db, "SELECT * FROM customers ORDER BY id")).containsExactly(
                List.of("1", "ID", "Indonesia", "278", "1950-09-28", "1371.2"),
                Arrays.asList("2", "CI", "Côte d’Ivoire", "29", null, "78.8"),
                Arrays.asList("3", "XX", null, null, null, null),
                List.of("4", "JP", "Japan", "124", "1956-12-18", "4204.5"));
    }

    @Test
    void a_query_of_an_sqlite_file_is_a_lookup_whose_types_are_the_querys_unless_types_says_otherwise() throws Exception {
        Transform lookup = lookup("{type: lookup, key: code, on: country, types: {population_m: \"decimal(6,1)\"}, source: "
                + "{type: sqlite, path: crm.sqlite, query: \"SELECT code, name, population_m, area_km2 FROM countries\"}}");
        assertThat(lookup.outputSchema(CUSTOMERS).fields().subList(2, 5)).containsExactly(
                new Field("name", DataType.STRING), new Field("population_m", DataType.decimal(6, 1)),
                new Field("area_km2", DataType.FLOAT64));
        assertThat(Rows.of(lookup.apply(Rows.batch(CUSTOMERS, List.of(Rows.row(1L, "JP"), Rows.row(2L, "CI"),
                Rows.row(3L, "XX"))), NO_REJECTS))).containsExactly(
                Rows.row(1L, "JP", "Japan", new BigDecimal("124.0"), 377975.5),
                Arrays.asList(2L, "CI", "Côte d’Ivoire", new BigDecimal("29.0"), null),
                Arrays.asList(3L, "XX", null, null, null));
    }

    @Test
    void files_read_as_a_lookup_source_are_one_table_whose_columns_take_the_wider_type_of_any_file() throws Exception {
        Path rates = Files.createDirectories(dir.resolve("rates"));
        Files.writeString(rates.resolve("2024.csv"), "currency,rate\nIDR,15500\n");
        Files.writeString(rates.resolve("2025.csv"), "currency,rate\nEUR,0.92\n");
        Transform lookup = lookup("{type: lookup, key: currency, on: country, source: {type: file, path: \"rates/*.csv\"}}");
        // an int64 of one file and a decimal(?,2) of the other: a decimal that holds both
        assertThat(lookup.outputSchema(CUSTOMERS).field(2)).isEqualTo(new Field("rate", DataType.decimal(18, 2)));
        assertThat(Rows.of(lookup.apply(Rows.batch(CUSTOMERS, List.of(Rows.row(1L, "IDR"), Rows.row(2L, "EUR"))),
                NO_REJECTS))).containsExactly(Rows.row(1L, "IDR", new BigDecimal("15500.00")),
                Rows.row(2L, "EUR", new BigDecimal("0.92")));
    }

    @Test
    void a_missing_key_column_or_more_rows_than_max_rows_is_refused_naming_the_source() {
        assertThatThrownBy(() -> lookup("{type: lookup, key: iso, on: country, "
                + "source: {type: sqlite, path: crm.sqlite, tables: [countries]}}"))
                .isInstanceOf(MuaraException.class).hasMessage("transform lookup: source 'sqlite' has no key column 'iso'")
                .extracting(e -> ((MuaraException) e).hint()).isEqualTo("its columns are: code, name, population_m, area_km2");
        assertThatThrownBy(() -> lookup("{type: lookup, key: code, on: country, max_rows: 2, "
                + "source: {type: sqlite, path: crm.sqlite, tables: [countries]}}"))
                .isInstanceOf(MuaraException.class).hasMessage("transform lookup: source 'sqlite' has more than 2 rows");
        assertThatThrownBy(() -> lookup("{type: lookup, key: code, on: country, "
                + "source: {type: sqlite, path: crm.sqlite, tables: [regions]}}"))
                .isInstanceOf(MuaraException.class).hasMessageContaining("source 'sqlite' has no rows");
    }

    @Test
    void a_source_that_does_not_end_is_refused_where_it_is_written() {
        assertThatThrownBy(() -> lookup("{type: lookup, key: code, on: country, source: {type: mqtt, topics: [rates/#]}}"))
                .isInstanceOfSatisfying(MuaraException.class,
                        e -> assertThat(e.location()).isEqualTo(dir.resolve("customers.yaml") + ":5"))
                .hasMessage("source 'mqtt' does not end, so it cannot be read whole");
    }

    @Test
    void a_lookup_source_is_checked_as_a_pipelines_source_is_and_reads_one_stream() {
        assertThatThrownBy(() -> load("{type: lookup, key: code, on: country, "
                + "source: {type: sqlite, path: crm.sqlite, tables: [countries, regions]}}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("transforms[0].source: source 'sqlite' "
                        + "here reads one stream, and these options name several");
        assertThatThrownBy(() -> load("{type: lookup, key: code, on: country, source: {type: sqlite, path: crm.sqlite, "
                + "streams: {a: {tables: [countries]}, b: {tables: [regions]}}}}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("source 'sqlite' here reads one stream; "
                        + "leave out streams");
        assertThatThrownBy(() -> load("{type: lookup, key: code, on: country, source: {type: sqlite, file: crm.sqlite}}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("unknown key for source type 'sqlite'");
        assertThatThrownBy(() -> load("{type: lookup, key: code, on: country, source: {type: sqlite, tables: [countries]}}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("source 'sqlite' needs 'path'");
        assertThatThrownBy(() -> load("{type: lookup, key: code, on: country, source: {type: sqlit, path: crm.sqlite}}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("unknown source type 'sqlit'");
    }

    @Test
    void a_password_in_clear_is_warned_about_and_a_secret_reference_never_shows_in_an_error() throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        String crm = TestDatabases.newPostgresDatabase();
        String source = "{type: postgres, host: " + pg.host() + ", port: " + pg.port() + ", user: " + pg.user()
                + ", database: " + crm + ", tables: [countries], password: ";
        assertThat(load("{type: lookup, key: code, on: country, source: " + source + "hunter2}}").warnings())
                .anySatisfy(w -> assertThat(w).contains("transforms[0].source.password is written in clear"));
        assertThatThrownBy(() -> lookup("{type: lookup, key: code, on: country, source: " + source
                + "\"${env:CRM_PASSWORD}\"}}"))
                .isInstanceOf(MuaraException.class).hasMessageContaining("there is no table countries")
                .satisfies(e -> assertThat(((MuaraException) e).describe() + ((MuaraException) e).hint())
                        .doesNotContain(SECRET));
    }
}
