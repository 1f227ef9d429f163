package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command, its output and its exit code. */
class CommandsTest {

    @TempDir
    Path dir;

    Path pipeline;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/people-1.csv"), "id,name,born\n1,Ana,1990-04-01\n2,Budi,\n");
        Files.writeString(dir.resolve("data/people-2.csv"), "id,name,born\n3,\"Citra, S.\",1985-12-31\n");
        pipeline = dir.resolve("pipeline.yaml");
        Files.writeString(pipeline, """
                name: people
                source:
                  type: file
                  path: data/people-*.csv
                target:
                  type: duckdb
                  path: people.duckdb
                  write: merge
                  primary_key: [id]
                """);
    }

    @Test
    void version_and_help_answer_everywhere() {
        Cli.Result version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("muara ");
        for (String command : new String[] {"run", "validate", "preview", "state", "runs", "connectors"}) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: muara " + command);
        }
        assertThat(Cli.run("--help").out()).contains("Exit codes: 0 success, 1 the run failed, 2 invalid configuration or usage,")
                .contains("130 a run stopped by Ctrl-C or SIGTERM");
    }

    @Test
    void help_and_usage_mistakes_know_every_command_though_a_named_command_loads_alone() {
        // a named command is given to picocli alone; help, the bare command and an unknown word get them all
        for (Cli.Result listing : new Cli.Result[] {Cli.run("--help"), Cli.run(), Cli.run("-v", "--help")}) {
            assertThat(listing.out()).containsPattern("(?s)Commands:.*\\n  run .*\\n  validate .*\\n  preview .*"
                    + "\\n  state .*\\n  runs .*\\n  connectors .*\\n  docs ");
        }
        Cli.Result typo = Cli.run("runn", pipeline.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: muara run or muara runs");
        Cli.Result nested = Cli.run("-v", "state", "--help");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).contains("Usage: muara state").contains("show").contains("reset");
    }

    @Test
    void usage_mistakes_exit_with_2() {
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(Cli.run("run").exitCode()).isEqualTo(2);
        Cli.Result missing = Cli.run("run", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: no such file");
    }

    @Test
    void malformed_yaml_exits_2_naming_the_file_and_line() throws Exception {
        Files.writeString(pipeline, "name: people\nsource:\n  type: file\n    path: [data\n");
        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).containsPattern("error: .*pipeline\\.yaml:4: not valid YAML");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void an_unknown_option_exits_2_naming_the_line_and_key() throws Exception {
        Files.writeString(pipeline, Files.readString(pipeline).replace("  path: data", "  delimter: \";\"\n  path: data"));
        for (String command : new String[] {"run", "validate", "preview"}) {
            Cli.Result result = Cli.run(command, pipeline.toString());
            assertThat(result.exitCode()).as(command).isEqualTo(2);
            assertThat(result.err()).as(command)
                    .contains("pipeline.yaml:4: source.delimter: unknown key for source type 'file' (did you mean 'delimiter'?)")
                    .contains("hint: ");
            assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void an_unknown_connector_type_exits_2() throws Exception {
        Files.writeString(pipeline, Files.readString(pipeline).replace("type: duckdb", "type: duckbd"));
        Cli.Result result = Cli.run("validate", pipeline.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("pipeline.yaml:6: target.type: unknown target type 'duckbd' (did you mean 'duckdb'?)");
    }

    @Test
    void validate_checks_without_loading() {
        Cli.Result result = Cli.run("validate", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("is valid: people, source file → target duckdb, 1 stream (people → people [merge])");
        assertThat(dir.resolve("people.duckdb")).doesNotExist();
    }

    @Test
    void preview_shows_schema_and_rows_and_loads_nothing() {
        Cli.Result result = Cli.run("preview", pipeline.toString(), "--rows", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("stream people → duckdb table people (2 files)")
                .contains("    id  int32", "    born  date")
                .contains("Ana", "Budi").doesNotContain("Citra");
        assertThat(dir.resolve("people.duckdb")).doesNotExist();
        assertThat(dir.resolve(".muara")).doesNotExist();
    }

    @Test
    void run_prints_a_summary_and_state_runs_and_reset_follow_it() throws Exception {
        Cli.Result run = Cli.run("run", pipeline.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).containsPattern("people: run \\S+ succeeded in")
                .containsPattern("people\\s+people\\s+merge\\s+2/2\\s+3\\s+3\\s+0")
                .contains("3 rows loaded into duckdb.");

        Cli.Result state = Cli.run("state", "show", pipeline.toString());
        assertThat(state.exitCode()).isZero();
        assertThat(state.out()).contains("checkpoint 1").contains("(complete)")
                .containsPattern("people\\s+data/people-1.csv\\s+done").contains("data/people-2.csv");
        assertThat(Cli.run("state", "show", "--json", pipeline.toString()).out()).contains("\"version\":1");

        Cli.Result runs = Cli.run("runs", pipeline.toString());
        assertThat(runs.out()).contains("succeeded").containsPattern("\\s3\\s+3\\s+0");

        assertThat(Cli.run("run", pipeline.toString()).out()).contains("Nothing new to load: all 2 files were loaded before");
        Cli.Result reset = Cli.run("state", "reset", pipeline.toString());
        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).contains("state reset");
        assertThat(Cli.run("run", pipeline.toString()).out()).contains("3 rows loaded");
        assertThat(Duck.count(dir.resolve("people.duckdb"), "SELECT count(*) FROM people")).isEqualTo(3);
        assertThat(Cli.run("runs", pipeline.toString()).out().lines().count()).isEqualTo(4);
    }

    @Test
    void connectors_lists_types_and_their_options() {
        Cli.Result all = Cli.run("connectors");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("Sources:").containsPattern("file\\s+CSV, NDJSON and JSON files")
                .contains("Targets:").containsPattern("duckdb\\s+An embedded DuckDB");
        Cli.Result file = Cli.run("connectors", "file");
        assertThat(file.out()).containsPattern("delimiter\\s+string").containsPattern("path\\s+string list\\s+\\(required\\)");
        assertThat(Cli.run("connectors", "nope").exitCode()).isEqualTo(2);
    }
}
