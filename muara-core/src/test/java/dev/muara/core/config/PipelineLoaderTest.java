package dev.muara.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.option.Secret;
import dev.muara.api.sink.WriteMode;
import dev.muara.core.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {

    @TempDir
    Path dir;

    private final Redactor redactor = new Redactor();
    private Map<String, String> env = Map.of();

    private PipelineConfig load(String yaml) {
        return new PipelineLoader(TestConnectors.registry(), env::get, redactor).load("pipeline.yaml", yaml, dir);
    }

    private List<String> problems(String yaml) {
        try {
            load(yaml);
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::describe).toList();
        }
        throw new AssertionError("expected the pipeline to be invalid");
    }

    private static final String VALID = """
            name: orders
            source:
              type: files
              path: data/*.csv
              timeout: 5s
              buffer: 4MB
            target:
              type: warehouse
              database: dw
              table: sales
              write: merge
              primary_key: [id]
            checkpoint:
              rows: 1000
              interval: 250ms
            parallelism: 3
            """;

    @Test
    void a_valid_pipeline_becomes_a_frozen_config_with_typed_options() {
        PipelineConfig config = load(VALID);
        assertThat(config.name()).isEqualTo("orders");
        assertThat(config.parallelism()).isEqualTo(3);
        assertThat(config.checkpointRows()).isEqualTo(1000);
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.maxRejects()).isZero();
        assertThat(config.workDirectory()).isEqualTo(dir.resolve(".muara/orders"));
        assertThat(config.streams()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("sales");
            assertThat(s.sourceOptions().get(TestConnectors.PATH)).containsExactly("data/*.csv");
            assertThat(s.sourceOptions().get(TestConnectors.TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
            assertThat(s.sourceOptions().get(TestConnectors.BUFFER)).isEqualTo(4L << 20);
            assertThat(s.sourceOptions().get(TestConnectors.MODE)).isEqualTo("safe");
            assertThat(s.target().table()).isEqualTo("sales");
            assertThat(s.target().write()).isEqualTo(WriteMode.MERGE);
            assertThat(s.target().primaryKey()).containsExactly("id");
            assertThat(s.target().options().get(TestConnectors.DATABASE)).isEqualTo("dw");
        });
    }

    @Test
    void several_streams_take_their_own_options_and_table_settings() {
        PipelineConfig config = load("""
                name: shop
                source:
                  type: files
                  delimiter: ";"
                  streams:
                    orders: {path: orders/*.csv}
                    customers: {path: customers.csv, delimiter: "|"}
                target:
                  type: warehouse
                  database: dw
                  tables:
                    orders: {write: merge, primary_key: [order_id], schema: raw}
                    customers: {table: dim_customer}
                """);
        assertThat(config.streams()).hasSize(2);
        StreamConfig orders = config.streams().get(0);
        StreamConfig customers = config.streams().get(1);
        assertThat(orders.sourceOptions().get(TestConnectors.DELIMITER)).isEqualTo(";");
        assertThat(customers.sourceOptions().get(TestConnectors.DELIMITER)).isEqualTo("|");
        assertThat(orders.target().table()).isEqualTo("orders");
        assertThat(orders.target().write()).isEqualTo(WriteMode.MERGE);
        assertThat(orders.target().options().get(TestConnectors.SCHEMA)).isEqualTo("raw");
        assertThat(customers.target().table()).isEqualTo("dim_customer");
        assertThat(customers.target().write()).isEqualTo(WriteMode.APPEND);
    }

    @Test
    void the_single_stream_is_named_after_the_table_else_the_source() {
        String yaml = VALID.replace("  table: sales\n", "");
        assertThat(load(yaml).streams().get(0).name()).isEqualTo("from_files");
    }

    @Test
    void malformed_yaml_names_the_file_and_line() {
        assertThat(problems("name: x\nsource:\n  type: files\n   path: [a\n"))
                .singleElement().asString().matches("pipeline\\.yaml:\\d: not valid YAML: .*");
    }

    @Test
    void an_unknown_option_names_the_line_the_key_and_a_likely_correction() {
        List<String> problems = problems(VALID.replace("  timeout: 5s", "  timout: 5s"));
        assertThat(problems).singleElement().asString()
                .startsWith("pipeline.yaml:5: source.timout: unknown key for source type 'files' (did you mean 'timeout'?); expected one of:")
                .contains("path", "delimiter", "streams");
    }

    @Test
    void an_unknown_connector_type_lists_the_installed_ones() {
        assertThat(problems(VALID.replace("type: warehouse", "type: warehous")))
                .contains("pipeline.yaml:8: target.type: unknown target type 'warehous' (did you mean 'warehouse'?); installed target types: warehouse");
    }

    @Test
    void wrong_values_say_what_was_expected() {
        List<String> problems = problems(VALID.replace("timeout: 5s", "timeout: soon").replace("parallelism: 3", "parallelism: 0")
                .replace("write: merge", "write: upsert").replace("buffer: 4MB", "buffer: [1]"));
        assertThat(problems).containsExactly(
                "pipeline.yaml:5: source.timeout: expected a duration such as 500ms, 10s, 5m or 1h (a bare number is milliseconds), found text 'soon'",
                "pipeline.yaml:6: source.buffer: expected text or a whole number, found a list",
                "pipeline.yaml:11: target.write: 'upsert' is not allowed; expected one of: append, replace, merge",
                "pipeline.yaml:16: parallelism: expected a value of at least 1, found a whole number '0'");
    }

    @Test
    void missing_required_keys_and_options_are_named() {
        assertThat(problems("name: x\nsource: {type: files}\n")).containsExactly("pipeline.yaml:1: target: is required at the top of a pipeline but missing");
        assertThat(problems("name: x\nsource: {type: files}\ntarget: {type: warehouse, database: d}\n"))
                .singleElement().asString().startsWith("pipeline.yaml:2: source: source 'files' needs 'path'");
    }

    @Test
    void merge_without_a_primary_key_and_an_unsupported_write_mode_are_refused() {
        assertThat(problems(VALID.replace("  primary_key: [id]\n", ""))).singleElement().asString()
                .isEqualTo("pipeline.yaml:11: target.write: write: merge needs primary_key (the columns that identify a row)");
        assertThat(problems(VALID.replace("write: merge", "write: replace"))).singleElement().asString()
                .isEqualTo("pipeline.yaml:11: target.write: target 'warehouse' cannot replace; it can: append, merge");
    }

    @Test
    void a_table_setting_for_an_unknown_stream_is_refused() {
        assertThat(problems("""
                name: x
                source: {type: files, streams: {orders: {path: a}}}
                target: {type: warehouse, database: d, tables: {ordres: {write: append}}}
                """)).singleElement().asString().isEqualTo(
                "pipeline.yaml:3: target.tables.ordres: there is no stream called 'ordres' (did you mean 'orders'?); streams: orders");
    }

    @Test
    void duplicate_keys_and_bad_names_are_refused() {
        assertThat(problems("name: x\nname: y\nsource: {type: files, path: a}\ntarget: {type: warehouse, database: d}\n"))
                .containsExactly("pipeline.yaml:2: name: this key appears twice");
        assertThat(problems("name: ../x\nsource: {type: files, path: a}\ntarget: {type: warehouse, database: d}\n"))
                .singleElement().asString().startsWith("pipeline.yaml:1: name: expected letters");
    }

    @Test
    void secret_references_resolve_from_the_environment_and_files_and_are_registered_for_redaction() throws Exception {
        Files.writeString(dir.resolve("db.secret"), "file-s3cret\n");
        env = Map.of("DB_PASSWORD", "env-s3cret");
        PipelineConfig config = load(VALID.replace("  buffer: 4MB", "  buffer: 4MB\n  password: ${env:DB_PASSWORD}")
                .replace("database: dw", "database: ${file:db.secret}"));
        Secret password = config.streams().get(0).sourceOptions().get(TestConnectors.PASSWORD);
        assertThat(password.reveal()).isEqualTo("env-s3cret");
        assertThat(password.toString()).isEqualTo("***");
        assertThat(config.streams().get(0).target().options().get(TestConnectors.DATABASE)).isEqualTo("file-s3cret");
        assertThat(redactor.redact("login env-s3cret to file-s3cret")).isEqualTo("login *** to ***");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void a_missing_secret_is_an_error_and_a_clear_text_secret_a_warning() {
        assertThat(problems(VALID.replace("  buffer: 4MB", "  buffer: 4MB\n  password: ${env:NOPE}")))
                .containsExactly("pipeline.yaml:7: source.password: the environment variable NOPE is not set");
        PipelineConfig config = load(VALID.replace("  buffer: 4MB", "  buffer: 4MB\n  password: hunter2"));
        assertThat(config.warnings()).singleElement().asString().contains("source.password is written in clear");
    }

    @Test
    void a_secret_value_is_never_repeated_in_a_message() {
        env = Map.of("MODE", "very-secret-mode");
        List<String> problems = problems(VALID.replace("  buffer: 4MB", "  buffer: 4MB\n  mode: ${env:MODE}"));
        assertThat(problems).singleElement().asString().doesNotContain("very-secret-mode").contains("the value is not allowed");
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThat(problems(VALID.replace("timeout: 5s", "timeout: x").replace("parallelism: 3", "parallelism: -1")
                .replace("name: orders", "name: orders\nextra: 1"))).hasSize(3);
    }
}
