package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Muara as a process: killed between checkpoints, stopped by SIGTERM, and given secrets it must never show. */
class ProcessTest {

    private static final int FILES = 4;
    private static final int ROWS_PER_FILE = 150_000;

    @TempDir
    Path dir;

    private Path bigInput() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder(ROWS_PER_FILE * 40);
            text.append("id,amount,note\n");
            for (int r = 0; r < ROWS_PER_FILE; r++) {
                long id = (long) f * ROWS_PER_FILE + r;
                text.append(id).append(',').append(id % 1000).append(".25,\"row ").append(id).append(", fine\"\n");
            }
            Files.writeString(dir.resolve("in/part-" + f + ".csv"), text);
        }
        return Files.writeString(dir.resolve("big.yaml"), """
                name: big
                source: {type: file, path: in/*.csv}
                target: {type: duckdb, path: big.duckdb, table: t}
                checkpoint: {rows: 20000, interval: 1h}
                batch_rows: 2000
                parallelism: 2
                """);
    }

    private void assertEveryRowExactlyOnce() throws Exception {
        Path db = dir.resolve("big.duckdb");
        assertThat(Duck.count(db, "SELECT count(*) FROM t")).isEqualTo((long) FILES * ROWS_PER_FILE);
        assertThat(Duck.count(db, "SELECT count(DISTINCT id) FROM t")).isEqualTo((long) FILES * ROWS_PER_FILE);
        assertThat(Duck.count(db, "SELECT max(id) FROM t")).isEqualTo((long) FILES * ROWS_PER_FILE - 1);
    }

    @Test
    void a_process_killed_between_checkpoints_then_run_again_leaves_every_row_exactly_once() throws Exception {
        Path pipeline = bigInput();
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
            assertThat(muara.awaitLine(l -> l.contains("checkpoint 3 committed"), 120)).as(muara.text()).isTrue();
            muara.kill();
            assertThat(muara.text()).doesNotContain("succeeded");
        }
        long afterKill = Duck.count(dir.resolve("big.duckdb"), "SELECT count(*) FROM t");
        assertThat(afterKill).isBetween(60_000L, (long) FILES * ROWS_PER_FILE - 1);
        Cli.Result rerun = Cli.run("run", pipeline.toString());
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.err()).contains("resuming run");
        assertEveryRowExactlyOnce();
        Cli.Result runs = Cli.run("runs", pipeline.toString());
        assertThat(runs.out()).contains("succeeded").contains("failed").contains("the process ended before the run did");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void a_signal_stops_cleanly_commits_what_was_read_and_the_next_run_finishes(String signal) throws Exception {
        Path pipeline = bigInput();
        int exit;
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
            assertThat(muara.awaitLine(l -> l.contains("checkpoint 2 committed"), 120)).as(muara.text()).isTrue();
            muara.signal(signal);
            exit = muara.waitFor(60);
            assertThat(muara.text()).contains("stopping: committing what was read").contains("stopped: everything read was committed");
        }
        assertThat(exit).isEqualTo(130);
        Cli.Result state = Cli.run("state", "show", pipeline.toString());
        assertThat(state.out()).contains("incomplete");
        Cli.Result rerun = Cli.run("run", pipeline.toString());
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertEveryRowExactlyOnce();
    }

    @Test
    void a_secret_given_by_env_never_appears_in_any_output_record_or_file() throws Exception {
        String secret = "tok-8f1c2e9d77";
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/" + secret + ".csv"), "id,name\n1,a\n2,b,extra\n");
        Path pipeline = Files.writeString(dir.resolve("secret.yaml"), """
                name: secret
                source:
                  type: file
                  path: in/${env:INPUT_TOKEN}.csv
                target:
                  type: duckdb
                  path: out.duckdb
                  table: t
                errors: {max_rejects: 0}
                """);
        List<String> outputs = new ArrayList<>();
        Map<String, String> env = Map.of("INPUT_TOKEN", secret);
        for (String[] args : List.of(new String[] {"validate"}, new String[] {"preview"}, new String[] {"run"},
                new String[] {"runs"}, new String[] {"state", "show"}, new String[] {"--verbose", "run"})) {
            List<String> command = new ArrayList<>(List.of(args));
            command.add(pipeline.toString());
            try (MuaraProcess muara = MuaraProcess.start(dir, env, "256m", command.toArray(new String[0]))) {
                muara.waitFor(60);
                outputs.add(String.join(" ", args) + ":\n" + muara.text());
            }
        }
        String all = String.join("\n", outputs);
        assertThat(all).contains("***").contains("expected 2 fields, found 3").doesNotContain(secret);
        try (Stream<Path> files = Files.walk(dir.resolve(".muara"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
            }
        }
    }
}
