package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain of transforms between a file and DuckDB, run from the command line. */
class TransformsTest {

    @TempDir
    Path dir;

    @Test
    void a_chain_cleans_types_and_renames_on_the_way_in_and_a_value_that_does_not_cast_goes_to_the_dead_letters()
            throws Exception {
        // read as text: the file's own types are what the chain fixes
        Files.writeString(dir.resolve("orders.csv"), """
                order_no,day,amount,city,internal_note
                1,25/12/2024,12.50,  jakarta ,a
                2,01/01/2025,,Bandung\t,b
                3,31/02/2025,7.00,Medan,c
                4,02/01/2025,abc,Surabaya,d
                """);
        Path pipeline = Files.writeString(dir.resolve("orders.yaml"), """
                name: orders
                source:
                  type: file
                  path: orders.csv
                  columns: {order_no: string, day: string, amount: string, city: string, internal_note: string}
                transforms:
                  - type: trim
                  - type: upper
                    columns: [city]
                  - type: cast
                    columns:
                      order_no: int64
                      day: {type: date, format: dd/MM/yyyy}
                      amount: decimal(12,2)
                  - type: default
                    columns: {amount: "0"}
                  - type: drop
                    columns: [internal_note]
                  - type: rename
                    columns: {order_no: order_id, day: order_date}
                target:
                  type: duckdb
                  path: shop.duckdb
                  table: orders
                  load_columns: false
                errors:
                  max_rejects: 10
                """);

        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("orders\\s+orders\\s+append\\s+1/1\\s+4\\s+2\\s+2");

        Path db = dir.resolve("shop.duckdb");
        assertThat(Duck.rows(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' "
                + "ORDER BY ordinal_position")).containsExactly(List.of("order_id", "BIGINT"), List.of("order_date", "DATE"),
                List.of("amount", "DECIMAL(12,2)"), List.of("city", "VARCHAR"));
        assertThat(Duck.rows(db, "SELECT order_id, order_date, amount, city FROM orders ORDER BY 1")).containsExactly(
                List.of("1", "2024-12-25", "12.50", "JAKARTA"), List.of("2", "2025-01-01", "0.00", "BANDUNG"));

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
