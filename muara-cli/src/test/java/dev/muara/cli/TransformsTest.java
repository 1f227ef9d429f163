package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain of transforms between a file and DuckDB, run from the command line. */
class TransformsTest {

    @TempDir
    Path dir;

    @Test
    void the_example_chain_cleans_types_and_names_and_a_value_that_does_not_cast_goes_to_the_dead_letters()
            throws Exception {
        Files2.copyTree(Files2.projectRoot().resolve("examples/transforms"), dir);
        Path pipeline = dir.resolve("pipeline.yaml");
        // the reference shows this very pipeline
        assertThat(Files.readString(Files2.projectRoot().resolve("docs/transforms.md")))
                .contains(Files.readString(pipeline).lines().skip(1).reduce("", (a, b) -> a + b + "\n"));

        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("orders\\s+orders\\s+merge\\s+1/1\\s+4\\s+2\\s+2");

        Path db = dir.resolve("orders.duckdb");
        assertThat(Duck.rows(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' "
                + "ORDER BY ordinal_position")).containsExactly(List.of("order_id", "BIGINT"), List.of("order_date", "DATE"),
                List.of("amount", "DECIMAL(12,2)"), List.of("city", "VARCHAR"), List.of("tags", "JSON"));
        assertThat(Duck.rows(db, "SELECT order_id, order_date, amount, city, tags FROM orders ORDER BY 1")).containsExactly(
                List.of("1", "2024-12-25", "12.50", "JAKARTA", "[\"gift\",\"express\"]"),
                Arrays.asList("2", "2025-01-01", "0.00", "BANDUNG", null));

        String deadLetters;
        try (Stream<Path> files = Files.walk(dir.resolve(".muara"))) {
            Path file = files.filter(f -> f.toString().contains("dead-letter") && Files.isRegularFile(f)).findFirst().orElseThrow();
            deadLetters = Files.readString(file);
        }
        assertThat(deadLetters).contains("cast day: '31/02/2025' is not a date in the format dd/MM/yyyy")
                .contains("cast amount: 'abc' is not a decimal(12,2)")
                // the row as it was when the transform met it: trimmed and upper-cased already, not yet renamed
                .contains("\\\"city\\\": \\\"MEDAN\\\"").contains("\\\"internal_note\\\": \\\"d\\\"");
    }

    @Test
    void preview_shows_the_schema_before_and_after_the_chain_what_each_transform_did_and_the_rows_after_it()
            throws Exception {
        Files2.copyTree(Files2.projectRoot().resolve("examples/transforms"), dir);
        Cli.Result preview = Cli.run("preview", dir.resolve("pipeline.yaml").toString());
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(preview.out()).contains("schema of orders.csv as read:", "    order_no  string", "    internal_note  string",
                "    3. cast: 4 → 2 rows, 2 rejected", "    5. drop: 2 → 2 rows", "schema of orders.csv after the transforms:",
                "    order_id  int64", "    order_date  date", "    tags  json", "JAKARTA", "[\"gift\",\"express\"]",
                "rejected: orders.csv: cast day: '31/02/2025' is not a date in the format dd/MM/yyyy")
                .doesNotContain("    internal_note  string\n\n  rows");
        assertThat(Files.exists(dir.resolve("orders.duckdb"))).as("preview loads nothing").isFalse();
    }

    @Test
    void quality_rules_reject_warn_or_fail_and_the_summary_and_run_record_report_them() throws Exception {
        Files.writeString(dir.resolve("readings.csv"), """
                id,celsius,unit
                1,21.5,C
                2,-400,C
                3,22.0,F
                3,23.0,C
                """);
        String base = """
                name: readings
                source: {type: file, path: readings.csv}
                target: {type: duckdb, path: readings.duckdb, table: readings, load_columns: false}
                errors: {max_rejects: 10}
                transforms:
                  - {type: check, rule: range, column: celsius, min: "-273.15", name: above absolute zero}
                  - {type: check, rule: in, column: unit, values: [C], action: warn}
                """;
        Path pipeline = Files.writeString(dir.resolve("readings.yaml"), base);
        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("quality:").containsPattern("readings\\s+above absolute zero\\s+4\\s+1\\s+'-400.0'")
                .containsPattern("readings\\s+in unit\\s+3\\s+1\\s+'F'");
        assertThat(Duck.rows(dir.resolve("readings.duckdb"), "SELECT id, unit FROM readings ORDER BY id, celsius"))
                .containsExactly(List.of("1", "C"), List.of("3", "F"), List.of("3", "C"));
        String record;
        try (Stream<Path> files = Files.walk(dir.resolve(".muara"))) {
            Path file = files.filter(f -> f.toString().contains("runs") && f.toString().endsWith(".json")).findFirst().orElseThrow();
            record = Files.readString(file);
        }
        assertThat(record).contains("\"rule\" : \"above absolute zero\"", "\"failed\" : 1", "\"samples\" : [ \"'-400.0'\" ]");

        // fail: the run stops and loads nothing past its last commit (here: nothing)
        Files.writeString(pipeline, base.replace("name: readings", "name: strict").replace("readings.duckdb", "strict.duckdb")
                + "  - {type: check, rule: unique, column: id, action: fail}\n");
        Cli.Result failed = Cli.run("run", pipeline.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("check unique id failed: 1 of 3 rows of a batch break it");
        assertThat(failed.out()).containsPattern("readings\\s+unique id\\s+3\\s+1\\s+'3'");
        assertThat(Duck.count(dir.resolve("strict.duckdb"), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'readings'"))
                .isZero();
    }

    @Test
    void lookup_enriches_rows_from_a_file_next_to_the_pipeline() throws Exception {
        Path pipelineFolder = Files.createDirectories(dir.resolve("pipelines"));
        Files.writeString(pipelineFolder.resolve("customers.csv"), "id,country\n1,ID\n2,CI\n3,XX\n");
        Files.writeString(pipelineFolder.resolve("countries.csv"), "code,country_name,region\nID,Indonesia,Asia\nCI,Côte d’Ivoire,Africa\n");
        Path pipeline = Files.writeString(pipelineFolder.resolve("customers.yaml"), """
                name: customers
                source: {type: file, path: customers.csv}
                target: {type: duckdb, path: customers.duckdb, table: customers, load_columns: false}
                transforms:
                  - {type: lookup, file: countries.csv, key: code, on: country, columns: [country_name, region]}
                """);
        // from another working directory: the lookup file is found next to the pipeline
        Cli.Result validate = Cli.run("validate", pipeline.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(Duck.rows(pipelineFolder.resolve("customers.duckdb"), "SELECT id, country_name, region FROM customers ORDER BY id"))
                .containsExactly(List.of("1", "Indonesia", "Asia"), List.of("2", "Côte d’Ivoire", "Africa"), Arrays.asList("3", null, null));

        Files.writeString(pipeline, Files.readString(pipeline).replace("file: countries.csv", "file: ../countries.csv"));
        Files.copy(pipelineFolder.resolve("countries.csv"), dir.resolve("countries.csv"));
        Cli.Result escaping = Cli.run("validate", pipeline.toString());
        assertThat(escaping.exitCode()).isEqualTo(2);
        assertThat(escaping.err()).contains("'../countries.csv' leads out of the pipeline's folder");
    }

    @Test
    void derive_and_filter_compute_and_keep_rows_with_expressions_and_a_row_they_fail_on_goes_to_the_dead_letters()
            throws Exception {
        Files.writeString(dir.resolve("sales.csv"), """
                id,status,amount,quantity,note
                1,paid,10.50,2,café
                2,cancelled,3.00,1,x
                3,paid,4.00,,y
                4,paid,0.00,5,z
                5,payé,2.25,4,ünïcode
                """);
        Path pipeline = Files.writeString(dir.resolve("sales.yaml"), """
                name: sales
                source:
                  type: file
                  path: sales.csv
                  columns: {id: int64, status: string, amount: "decimal(10,2)", quantity: int64, note: string}
                transforms:
                  - type: derive
                    column: total
                    expression: amount * double(quantity)
                  - type: derive
                    column: label
                    expression: "status.upperAscii() + ' ' + note"
                  - type: filter
                    expression: "status != 'cancelled' && amount > 0"
                target:
                  type: duckdb
                  path: sales.duckdb
                  table: sales
                  load_columns: false
                errors:
                  max_rejects: 10
                """);

        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();

        Path db = dir.resolve("sales.duckdb");
        assertThat(Duck.rows(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'sales' "
                + "ORDER BY ordinal_position")).containsExactly(List.of("id", "BIGINT"), List.of("status", "VARCHAR"),
                List.of("amount", "DECIMAL(10,2)"), List.of("quantity", "BIGINT"), List.of("note", "VARCHAR"),
                List.of("total", "DOUBLE"), List.of("label", "VARCHAR"));
        assertThat(Duck.rows(db, "SELECT id, total, label FROM sales ORDER BY 1")).containsExactly(
                List.of("1", "21.0", "PAID café"), List.of("5", "9.0", "PAYé ünïcode"));

        String deadLetters;
        try (Stream<Path> files = Files.walk(dir.resolve(".muara"))) {
            Path file = files.filter(f -> f.toString().contains("dead-letter") && Files.isRegularFile(f)).findFirst().orElseThrow();
            deadLetters = Files.readString(file);
        }
        assertThat(deadLetters).contains("derive total: 'amount * double(quantity)' failed: "
                + "'double' cannot take these values; is one of them null? (at character 16)")
                .contains("\\\"quantity\\\": null");
    }

    @Test
    void an_expression_naming_a_missing_column_fails_validate_and_run_with_exit_2_before_anything_is_written()
            throws Exception {
        Files.writeString(dir.resolve("sales.csv"), "id,amount\n1,2.5\n");
        Path pipeline = Files.writeString(dir.resolve("sales.yaml"), """
                name: sales
                source:
                  type: file
                  path: sales.csv
                  columns: {id: int64, amount: float64}
                transforms:
                  - type: filter
                    expression: amount > 0 && qty > 1
                target:
                  type: duckdb
                  path: sales.duckdb
                  table: sales
                """);
        for (String command : List.of("validate", "run")) {
            Cli.Result result = Cli.run(command, pipeline.toString());
            assertThat(result.exitCode()).as(command + ": " + result.all()).isEqualTo(2);
            assertThat(result.err()).as(command).contains("transform filter: the expression 'amount > 0 && qty > 1' has an "
                    + "error at 1:15: undeclared reference to 'qty'").contains("id int, amount double");
        }
        assertThat(Duck.rows(dir.resolve("sales.duckdb"), "SELECT table_name FROM information_schema.tables "
                + "WHERE table_name = 'sales'")).isEmpty();
    }
}
