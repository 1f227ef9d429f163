package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: the quickstart loads its sample data exactly, and a second run loads nothing. */
class QuickstartTest {

    @TempDir
    Path dir;

    @Test
    void the_quickstart_loads_every_sample_row_exactly_and_a_second_run_loads_nothing() throws Exception {
        Files2.copyTree(Files2.projectRoot().resolve("examples/quickstart"), dir);
        Path pipeline = dir.resolve("pipeline.yaml");
        Path db = dir.resolve("quickstart.duckdb");

        Cli.Result first = Cli.run("run", pipeline.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("succeeded").containsPattern("orders\\s+orders\\s+merge\\s+2/2\\s+3,500\\s+3,500\\s+0")
                .containsPattern("customers\\s+customers\\s+merge\\s+1/1\\s+600\\s+600\\s+0")
                .contains("4,100 rows loaded").doesNotContain("rejected:");

        // DuckDB's own CSV and JSON readers are the independent judges of what the sample files hold
        String orders = "read_csv('" + dir.resolve("data/orders-*.csv") + "', header = true)";
        String customers = "read_json('" + dir.resolve("data/customers.ndjson") + "', format = 'newline_delimited')";
        assertThat(Duck.count(db, "SELECT count(*) FROM orders")).isEqualTo(3500)
                .isEqualTo(Duck.count(db, "SELECT count(*) FROM " + orders));
        assertThat(Duck.count(db, "SELECT count(DISTINCT order_id) FROM orders")).isEqualTo(3500);
        assertThat(Duck.count(db, "SELECT count(*) FROM customers")).isEqualTo(600)
                .isEqualTo(Duck.count(db, "SELECT count(*) FROM " + customers));

        String columns = "order_id, order_date, customer_id, customer_name, city, amount::DECIMAL(12,2), currency, quantity, "
                + "status, note, shipped_at::TIMESTAMPTZ";
        assertThat(Duck.count(db, "SELECT count(*) FROM (SELECT " + columns + " FROM orders EXCEPT SELECT " + columns + " FROM " + orders + ")"))
                .as("rows loaded differently from how DuckDB reads the files").isZero();
        assertThat(Duck.count(db, "SELECT count(*) FROM (SELECT " + columns + " FROM " + orders + " EXCEPT SELECT " + columns + " FROM orders)"))
                .isZero();
        assertThat(Duck.count(db, "SELECT count(*) FROM orders WHERE note LIKE '%\n%'")).isPositive();
        assertThat(Duck.count(db, "SELECT count(*) FROM orders WHERE amount IS NULL")).isPositive();
        assertThat(Duck.count(db, "SELECT count(*) FROM (SELECT customer_id, name, address__city, signed_up FROM customers "
                + "EXCEPT SELECT customer_id, name, address.city, signed_up FROM " + customers + ")")).isZero();
        assertThat(Duck.rows(db, "SELECT typeof(amount), typeof(order_date), typeof(shipped_at) FROM orders LIMIT 1"))
                .containsExactly(java.util.List.of("DECIMAL(12,2)", "DATE", "TIMESTAMP WITH TIME ZONE"));

        Cli.Result second = Cli.run("run", pipeline.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("Nothing new to load").contains("0 rows loaded");
        assertThat(Duck.count(db, "SELECT count(*) FROM orders")).isEqualTo(3500);
        assertThat(Duck.count(db, "SELECT count(*) FROM customers")).isEqualTo(600);
    }
}
