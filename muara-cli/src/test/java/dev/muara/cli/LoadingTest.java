package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files into DuckDB through the command line: parallelism, merge, evolution, rejects. */
class LoadingTest {

    @TempDir
    Path dir;

    private Path pipeline(String name, String body) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + body);
        return file;
    }

    private void csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void a_parallel_load_of_many_files_gives_the_same_table_as_a_serial_load() throws Exception {
        for (int f = 0; f < 12; f++) {
            StringBuilder text = new StringBuilder("id,file,value,note\n");
            for (int r = 0; r < 2000; r++) {
                long id = f * 2000L + r;
                text.append(id).append(',').append(f).append(',').append(id * 1.5).append(",\"note ").append(id).append(", x\"\n");
            }
            csv("many/part-" + f + ".csv", text.toString());
        }
        for (String mode : List.of("serial", "parallel")) {
            Path p = pipeline(mode, "source: {type: file, path: many/*.csv}\ntarget: {type: duckdb, path: " + mode
                    + ".duckdb, table: t}\nbatch_rows: 500\nparallelism: " + (mode.equals("serial") ? 1 : 4) + "\n");
            Cli.Result result = Cli.run("run", p.toString());
            assertThat(result.exitCode()).as(result.all()).isZero();
        }
        Path serial = dir.resolve("serial.duckdb");
        Path parallel = dir.resolve("parallel.duckdb");
        assertThat(Duck.count(parallel, "SELECT count(*) FROM t")).isEqualTo(24_000);
        assertThat(Duck.count(parallel, "SELECT count(DISTINCT id) FROM t")).isEqualTo(24_000);
        assertThat(Duck.rows(parallel, "SELECT id, file, value, note FROM t ORDER BY id"))
                .isEqualTo(Duck.rows(serial, "SELECT id, file, value, note FROM t ORDER BY id"));
    }

    @Test
    void merge_upserts_rows_of_a_changed_file_and_adds_new_ones() throws Exception {
        csv("m/a.csv", "id,status\n1,new\n2,new\n");
        Path p = pipeline("m", "source: {type: file, path: m/*.csv}\ntarget: {type: duckdb, path: m.duckdb, table: t, write: merge, primary_key: [id]}\n");
        assertThat(Cli.run("run", p.toString()).exitCode()).isZero();
        csv("m/a.csv", "id,status\n1,new\n2,shipped\n3,new\n");
        Cli.Result second = Cli.run("run", p.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("3 rows loaded");
        assertThat(Duck.rows(dir.resolve("m.duckdb"), "SELECT id, status FROM t ORDER BY id"))
                .containsExactly(List.of("1", "new"), List.of("2", "shipped"), List.of("3", "new"));
    }

    @Test
    void a_new_column_is_added_and_a_wider_value_widens_the_column() throws Exception {
        csv("e/1.csv", "id,qty\n1,5\n");
        Path p = pipeline("e", "source: {type: file, path: e/*.csv}\ntarget: {type: duckdb, path: e.duckdb, table: t}\n");
        assertThat(Cli.run("run", p.toString()).exitCode()).isZero();
        assertThat(Duck.rows(dir.resolve("e.duckdb"), "SELECT typeof(qty) FROM t")).containsExactly(List.of("INTEGER"));
        csv("e/2.csv", "id,qty,colour\n2,3000000000,red\n");
        csv("e/3.csv", "id,qty,colour\n3,2.5,blue\n");
        Cli.Result second = Cli.run("run", p.toString(), "--parallelism", "1");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(Duck.rows(dir.resolve("e.duckdb"), "SELECT id, qty, colour FROM t ORDER BY id")).containsExactly(
                java.util.Arrays.asList("1", "5.0", null), List.of("2", "3000000000.0", "red"), List.of("3", "2.5", "blue"));
    }

    @Test
    void bad_rows_go_to_the_dead_letter_file_and_are_counted_per_table() throws Exception {
        csv("r/a.csv", "id,name\n1,Ana\n2,Budi,extra\n3,\"Citra\n");
        Path p = pipeline("r", "source: {type: file, path: r/a.csv}\ntarget: {type: duckdb, path: r.duckdb, table: t}\nerrors: {max_rejects: 5}\n");
        Cli.Result result = Cli.run("run", p.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("t\\s+t\\s+append\\s+1/1\\s+3\\s+1\\s+2").contains("2 rows rejected: see .muara/r/dead-letter/");
        Path deadLetters = Files.list(dir.resolve(".muara/r/dead-letter")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(deadLetters);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"location\":\"r/a.csv:3\"", "\"reason\":\"expected 2 fields, found 3\"", "\"original\":\"2,Budi,extra\"");
        assertThat(lines.get(1)).contains("\"location\":\"r/a.csv:4\"", "not closed");
    }

    @Test
    void past_the_reject_limit_the_run_fails_with_exit_1_and_keeps_only_whole_checkpoints() throws Exception {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 3000; i++) {
            text.append(i).append(i > 2500 && i % 100 == 0 ? ",bad,row\n" : ",ok\n");
        }
        csv("x/a.csv", text.toString());
        Path p = pipeline("x", "source: {type: file, path: x/a.csv}\ntarget: {type: duckdb, path: x.duckdb, table: t}\n"
                + "errors: {max_rejects: 2}\ncheckpoint: {rows: 1000}\nbatch_rows: 100\n");
        Cli.Result result = Cli.run("run", p.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: x/a.csv:2801: more rows were rejected than errors.max_rejects allows (2)")
                .contains("hint: the rejected rows are in");
        long loaded = Duck.count(dir.resolve("x.duckdb"), "SELECT count(*) FROM t");
        assertThat(loaded % 1000).isZero();
        assertThat(loaded).isBetween(1000L, 2000L);
        assertThat(Cli.run("runs", p.toString()).out()).contains("failed");
    }

    @Test
    void a_reject_ratio_above_the_limit_fails_the_run_with_exit_1() throws Exception {
        csv("q/a.csv", "id,name\n1,a\n2,b,c\n3,c\n");
        Path p = pipeline("q", "source: {type: file, path: q/a.csv}\ntarget: {type: duckdb, path: q.duckdb, table: t}\n"
                + "errors: {max_reject_ratio: 0.2}\n");
        Cli.Result result = Cli.run("run", p.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("1 of 3 rows were rejected (33.33%), more than errors.max_reject_ratio allows (20.00%)");
    }

    @Test
    void replace_swaps_in_a_table_of_only_this_runs_rows() throws Exception {
        csv("rp/a.csv", "id\n1\n2\n");
        Path p = pipeline("rp", "source: {type: file, path: rp/a.csv}\ntarget: {type: duckdb, path: rp.duckdb, table: t, write: replace}\n");
        assertThat(Cli.run("run", p.toString()).exitCode()).isZero();
        csv("rp/a.csv", "id\n7\n");
        assertThat(Cli.run("run", p.toString()).exitCode()).isZero();
        assertThat(Duck.rows(dir.resolve("rp.duckdb"), "SELECT id FROM t")).containsExactly(List.of("7"));
    }
}
