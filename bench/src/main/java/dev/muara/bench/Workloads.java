package dev.muara.bench;

import dev.muara.bench.Workload.Counter;
import dev.muara.bench.Workload.Step;
import dev.muara.bench.Workload.Target;
import dev.muara.bench.Workload.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workloads of the issue, each as Muara and its references. Every Muara run writes its pipeline file anew with
 * a run-specific name, so no run finds the state of the one before it and each loads everything.
 */
final class Workloads {

    static final List<String> ALL = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7");

    private static final String FLAT_COLUMNS = "id, qty, price, amount, code, note, day, ts";

    private final Path repository;
    private final Path work;
    private final long rows;
    private final Postgres postgres;
    private final List<String> duckDbSql;

    Workloads(Path repository, Path work, long rows, Postgres postgres, List<String> duckDbSql) {
        this.repository = repository;
        this.work = work;
        this.rows = rows;
        this.postgres = postgres;
        this.duckDbSql = List.copyOf(duckDbSql);
    }

    Workload named(String id) throws Exception {
        return switch (id) {
            case "w1" -> csvToPostgres();
            case "w2" -> csvToDuckDb();
            case "w3" -> postgresToPostgres();
            case "w4" -> postgresToDuckDb();
            case "w5" -> nestedJsonToDuckDb();
            case "w7" -> startUp();
            default -> throw new IllegalArgumentException("no workload " + id + "; the workloads: " + ALL);
        };
    }

    private Workload csvToPostgres() throws Exception {
        Path csv = DataGenerator.flatCsv(work.resolve("data"), rows);
        Path folder = folder("w1");
        String db = Postgres.TARGET_DATABASE;
        postgres.createDatabase(db);
        Path pgloaderScript = folder.resolve("load.pgloader");
        Files.writeString(pgloaderScript, """
                LOAD CSV FROM '%s'
                  (id, qty [null if blanks], price, amount [null if blanks], code, note [null if blanks], day, ts)
                INTO postgresql://%s@%s:%d/%s?sslmode=disable&w1_pgloader (%s)
                WITH skip header = 1, fields optionally enclosed by '"', fields escaped by double-quote,
                     fields terminated by ','
                BEFORE LOAD DO $$ DROP TABLE IF EXISTS w1_pgloader; $$,
                               $$ CREATE TABLE w1_pgloader (%s); $$;
                """.formatted(csv, postgres.user, postgres.host, postgres.port, db, FLAT_COLUMNS,
                DataGenerator.FLAT_COLUMNS_SQL));
        List<Tool> tools = List.of(
                muara(folder, run -> """
                        source:
                          type: file
                          path: %s
                          columns: {amount: "decimal(12,2)"}
                        target:
                          %s
                          table: w1_muara
                          write: replace
                        """.formatted(csv, postgresTarget(db)),
                        () -> postgres.count(db, "w1_muara")),
                new Tool("psql \\copy (CSV)", postgres.psql(db, "\\copy w1_copy FROM '" + csv
                        + "' (FORMAT csv, HEADER)"),
                        run -> postgres.execute(db, "DROP TABLE IF EXISTS w1_copy",
                                "CREATE TABLE w1_copy (" + DataGenerator.FLAT_COLUMNS_SQL + ")"),
                        () -> postgres.count(db, "w1_copy")),
                new Tool("pgloader", List.of("pgloader", "--quiet", "--on-error-stop", pgloaderScript.toString()),
                        run -> { }, () -> postgres.count(db, "w1_pgloader")));
        return new Workload("w1", "CSV → PostgreSQL",
                "Muara reads the CSV and loads it with binary COPY into a table it creates (`write: replace`); "
                        + "psql `\\copy` loads the same file in CSV format into a table created beforehand; "
                        + "pgloader loads it with its CSV loader.",
                rows, Files.size(csv), tools, List.of(
                        new Target("Muara", "psql \\copy (CSV)", 1.5, "W1 ≥ 1.5× psql \\copy (CSV)"),
                        new Target("Muara", "pgloader", 15, "W1 ≥ 15× pgloader")));
    }

    private Workload csvToDuckDb() throws Exception {
        Path csv = DataGenerator.flatCsv(work.resolve("data"), rows);
        Path folder = folder("w2");
        String source = """
                source:
                  type: file
                  path: %s
                  columns: {amount: "decimal(12,2)"}
                """.formatted(csv);
        String chain = """
                transforms:
                  - {type: cast, columns: {price: "decimal(12,2)"}}
                  - {type: derive, column: bucket, expression: "id % 10"}
                  - {type: filter, expression: "id > 0"}
                  - {type: hash, columns: [code], key: "${env:BENCH_HASH_KEY}"}
                  - {type: rename, columns: {note: comment}}
                """;
        Path reference = folder.resolve("read_csv.duckdb");
        List<Tool> tools = List.of(
                muara(folder, run -> source + duckDbTarget("muara-plain.duckdb", "rows"), () -> DuckDbSql.count(
                        folder.resolve("muara-plain.duckdb").toString(), "rows"), "muara-plain.duckdb"),
                muara("Muara + 5 transforms", folder, run -> source + duckDbTarget("muara-chain.duckdb", "rows") + chain,
                        () -> DuckDbSql.count(folder.resolve("muara-chain.duckdb").toString(), "rows"),
                        "muara-chain.duckdb"),
                new Tool("DuckDB read_csv", duckDb(reference, "CREATE TABLE rows AS SELECT * FROM read_csv('"
                        + csv + "')"), run -> deleteDuckDb(reference),
                        () -> DuckDbSql.count(reference.toString(), "rows")));
        return new Workload("w2", "CSV → DuckDB",
                "Muara reads the CSV and loads an embedded DuckDB file through the Appender (`write: replace`), once "
                        + "as it is and once through a chain of five transforms (cast, derive, filter, hash, rename); "
                        + "DuckDB runs `CREATE TABLE … AS SELECT * FROM read_csv(…)` on a new file, in a JVM of its "
                        + "own through the same DuckDB library Muara uses.",
                rows, Files.size(csv), tools, List.of(
                        new Target("Muara", "DuckDB read_csv", 1.0, "W2 ≥ 1.0× DuckDB read_csv"),
                        new Target("Muara + 5 transforms", "Muara", 0.75,
                                "W2 with 5 transforms ≥ 0.75× W2 without (the chain costs ≤ 25%)")));
    }

    private Workload postgresToPostgres() throws Exception {
        sourceTable();
        Path folder = folder("w3");
        String db = Postgres.TARGET_DATABASE;
        List<Tool> tools = List.of(
                muara(folder, run -> postgresSource() + """
                        target:
                          %s
                          table: w3_muara
                          write: replace
                        """.formatted(postgresTarget(db)), () -> postgres.count(db, "w3_muara")),
                new Tool("binary COPY pipe", Shell.bash(
                        postgres.psqlShell(Postgres.SOURCE_DATABASE, "COPY rows TO STDOUT (FORMAT binary)") + " | "
                                + postgres.psqlShell(db, "COPY w3_pipe FROM STDIN (FORMAT binary)")),
                        run -> postgres.execute(db, "DROP TABLE IF EXISTS w3_pipe",
                                "CREATE TABLE w3_pipe (" + DataGenerator.FLAT_COLUMNS_SQL + ")"),
                        () -> postgres.count(db, "w3_pipe")));
        return new Workload("w3", "PostgreSQL → PostgreSQL (another database)",
                "Muara reads the table with binary COPY in two key ranges at once and loads a new table in the "
                        + "other database with binary COPY; the reference pipes `COPY … TO STDOUT (FORMAT binary)` "
                        + "from one psql into `COPY … FROM STDIN (FORMAT binary)` of another, into a table created "
                        + "beforehand.",
                rows, tableBytes(), tools,
                List.of(new Target("Muara", "binary COPY pipe", 0.9, "W3 ≥ 0.9× the binary COPY pipe")));
    }

    private Workload postgresToDuckDb() throws Exception {
        sourceTable();
        Path folder = folder("w4");
        Path reference = folder.resolve("copy_csv.duckdb");
        Path csv = folder.resolve("rows.csv");
        List<Tool> tools = List.of(
                muara(folder, run -> postgresSource() + duckDbTarget("muara.duckdb", "rows"), () -> DuckDbSql.count(folder.resolve("muara.duckdb").toString(), "rows"),
                        "muara.duckdb"),
                new Tool("COPY CSV + read_csv", Shell.bash(
                        postgres.psqlShell(Postgres.SOURCE_DATABASE, "COPY rows TO STDOUT (FORMAT csv, HEADER)")
                                + " > " + Shell.quote(csv.toString()) + " && "
                                + String.join(" ", duckDb(reference, "CREATE TABLE rows AS SELECT * FROM read_csv('"
                                        + csv + "')").stream().map(Shell::quote).toList())),
                        run -> {
                            deleteDuckDb(reference);
                            Files.deleteIfExists(csv);
                        },
                        () -> DuckDbSql.count(reference.toString(), "rows")));
        return new Workload("w4", "PostgreSQL → DuckDB",
                "Muara reads the table with binary COPY in two key ranges and loads DuckDB through the Appender; "
                        + "the reference writes the table as CSV with `COPY … TO STDOUT` and loads that file with "
                        + "DuckDB's `read_csv` (the two steps timed together).",
                rows, tableBytes(), tools,
                List.of(new Target("Muara", "COPY CSV + read_csv", 1.0, "W4 ≥ 1.0× the two-step reference")));
    }

    private Workload nestedJsonToDuckDb() throws Exception {
        Path json = DataGenerator.nestedNdjson(work.resolve("data"), rows);
        long[] counts = DataGenerator.nestedCounts(rows);
        Path folder = folder("w5");
        Path reference = folder.resolve("read_json.duckdb");
        Path muaraFile = folder.resolve("muara.duckdb");
        Counter muaraCount = () -> {
            long orders = DuckDbSql.count(muaraFile.toString(), "customers__orders");
            long items = DuckDbSql.count(muaraFile.toString(), "customers__orders__items");
            if (orders != counts[1] || items != counts[2]) {
                throw new IllegalStateException("child tables hold " + orders + " orders and " + items
                        + " items; the file has " + counts[1] + " and " + counts[2]);
            }
            return DuckDbSql.count(muaraFile.toString(), "customers");
        };
        List<Tool> tools = List.of(
                muara(folder, run -> """
                        source:
                          type: file
                          path: %s
                          flatten: true
                        transforms:
                          - {type: unnest, column: orders}
                        """.formatted(json) + duckDbTarget("muara.duckdb", "customers"), muaraCount, "muara.duckdb"),
                new Tool("DuckDB read_json", duckDb(reference, "CREATE TABLE customers AS SELECT * FROM read_json('"
                        + json + "')"), run -> deleteDuckDb(reference),
                        () -> DuckDbSql.count(reference.toString(), "customers")));
        return new Workload("w5", "Nested NDJSON → DuckDB, unnested into child tables",
                "Muara flattens the address object into columns and unnests two levels of arrays into "
                        + "`customers__orders` and `customers__orders__items` (" + counts[1] + " and " + counts[2]
                        + " rows); DuckDB's `read_json` loads the documents into one table with nested types, "
                        + "a lower bound since it does not unnest.",
                rows, Files.size(json), tools,
                List.of(new Target("Muara", "DuckDB read_json", 0.5, "W5 ≥ 0.5× DuckDB read_json")));
    }

    private Workload startUp() throws Exception {
        Path csv = DataGenerator.flatCsv(work.resolve("data"), 10);
        Path folder = folder("w7");
        Path sqlite = folder.resolve("import.sqlite");
        List<Tool> tools = List.of(
                muara(folder, run -> "source: {type: file, path: '" + csv + "'}\n"
                        + duckDbTarget("muara.duckdb", "rows"), () -> DuckDbSql.count(folder.resolve("muara.duckdb").toString(), "rows"),
                        "muara.duckdb"),
                new Tool("sqlite3 .import", List.of("sqlite3", sqlite.toString(), ".import --csv " + csv + " rows"),
                        run -> Files.deleteIfExists(sqlite),
                        () -> Long.parseLong(Shell.firstLine("sqlite3", sqlite.toString(),
                                "SELECT count(*) FROM rows"))));
        return new Workload("w7", "Start-up: a 10-row CSV → DuckDB",
                "Wall time of `./muara run` (the launcher, the JVM, the run) on a 10-row CSV into DuckDB, against "
                        + "`sqlite3 .import` of the same file.",
                10, Files.size(csv), tools, List.of(new Target("Muara", null, 1.0, "W7 under 1.0 s wall")));
    }

    private Tool muara(Path folder, PipelineBody body, Counter counter, String... targetFiles) {
        return muara("Muara", folder, body, counter, targetFiles);
    }

    private Tool muara(String name, Path folder, PipelineBody body, Counter counter, String... targetFiles) {
        String file = name.equals("Muara") ? "pipeline.yaml" : "pipeline-transforms.yaml";
        Step prepare = run -> {
            for (String target : targetFiles) {
                deleteDuckDb(folder.resolve(target));
            }
            // a new name per run: no run finds the state of the one before
            Files.writeString(folder.resolve(file), "name: bench_" + folder.getFileName() + "_"
                    + (name.equals("Muara") ? "plain" : "chain") + "_" + ProcessHandle.current().pid() + "_" + run
                    + "\n" + body.yaml(run));
        };
        return new Tool(name, List.of(repository.resolve("muara").toString(), "run", "--progress", "none", file),
                prepare, counter);
    }

    @FunctionalInterface
    private interface PipelineBody {
        String yaml(int run);
    }

    private List<String> duckDb(Path database, String sql) {
        List<String> command = new ArrayList<>(duckDbSql);
        command.add(database.toString());
        command.add(sql);
        return command;
    }

    private static void deleteDuckDb(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }

    private Path folder(String id) throws IOException {
        Path folder = work.resolve(id);
        Files.createDirectories(folder);
        return folder;
    }

    private String postgresTarget(String database) {
        return postgres.connectorOptions(database);
    }

    private static String duckDbTarget(String file, String table) {
        return "target: {type: duckdb, path: " + file + ", table: " + table + ", write: replace}\n";
    }

    /** W3's and W4's source: the table read in two key ranges at once. */
    private String postgresSource() {
        return "source:\n  " + postgresTarget(Postgres.SOURCE_DATABASE) + "\n  tables: [rows]\n  partitions: 2\n";
    }

    /** The source table of W3 and W4: the flat file's rows, loaded once per size with a primary key on id. */
    private void sourceTable() throws Exception {
        Path csv = DataGenerator.flatCsv(work.resolve("data"), rows);
        postgres.createDatabase(Postgres.SOURCE_DATABASE);
        postgres.execute(Postgres.SOURCE_DATABASE, "CREATE TABLE IF NOT EXISTS rows ("
                + DataGenerator.FLAT_COLUMNS_SQL + ", PRIMARY KEY (id))");
        if (postgres.count(Postgres.SOURCE_DATABASE, "rows") != rows) {
            postgres.execute(Postgres.SOURCE_DATABASE, "TRUNCATE rows");
            MeasuredProcess.run(postgres.psql(Postgres.SOURCE_DATABASE, "\\copy rows FROM '" + csv
                    + "' (FORMAT csv, HEADER)"), work, java.util.Map.of(), work.resolve("source-table.log"));
            postgres.execute(Postgres.SOURCE_DATABASE, "VACUUM ANALYZE rows");
        }
    }

    private long tableBytes() throws Exception {
        try (var c = postgres.connect(Postgres.SOURCE_DATABASE); var s = c.createStatement();
                var rs = s.executeQuery("SELECT pg_table_size('rows')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
