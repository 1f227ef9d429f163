package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.SourceConfig;
import dev.muara.api.transform.Transform;
import dev.muara.testkit.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupTest {

    private static final Schema ORDERS = Schema.of(new Field("id", DataType.INT64), new Field("country", DataType.STRING));
    private static final Batch BATCH = Rows.batch(ORDERS, List.of(
            row(1L, "ID"), row(2L, "日本"), row(3L, "XX"), row(4L, null), row(5L, "CI")));

    @TempDir
    Path dir;

    private final TransformTesting.Context context = new TransformTesting.Context();

    @BeforeEach
    void countries() throws Exception {
        Files.writeString(dir.resolve("countries.csv"), """
                code,country_name,region,population_m
                ID,Indonesia,Asia,278
                日本,日本国,Asia,124
                CI,Côte d’Ivoire,,29
                ,Nowhere,Atlantis,0
                """);
    }

    private Transform lookup(Object... options) {
        Map<String, Object> map = new HashMap<>(Map.of("file", "countries.csv", "key", "code", "on", "country"));
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        return TransformTesting.transform("lookup", dir, map);
    }

    @Test
    void adds_the_named_columns_of_the_matching_row_with_nulls_where_nothing_matches() {
        Transform lookup = lookup("columns", List.of("country_name", "region"));
        assertThat(lookup.outputSchema(ORDERS).names()).containsExactly("id", "country", "country_name", "region");
        assertThat(Rows.of(lookup.apply(BATCH, context))).containsExactly(
                row(1L, "ID", "Indonesia", "Asia"),
                row(2L, "日本", "日本国", "Asia"),
                Arrays.asList(3L, "XX", null, null),
                Arrays.asList(4L, null, null, null), // a null matches nothing, not even the file's null key
                Arrays.asList(5L, "CI", "Côte d’Ivoire", null));
        assertThat(context.rejects).isEmpty();
    }

    @Test
    void without_columns_it_adds_every_column_but_the_key_as_text_unless_types_are_given() {
        Transform lookup = lookup("types", Map.of("population_m", new ColumnSpec(DataType.INT32, null)));
        assertThat(lookup.outputSchema(ORDERS)).isEqualTo(Schema.of(new Field("id", DataType.INT64),
                new Field("country", DataType.STRING), new Field("country_name", DataType.STRING),
                new Field("region", DataType.STRING), new Field("population_m", DataType.INT32)));
        assertThat(Rows.of(lookup.apply(BATCH, context)).get(0)).containsExactly(1L, "ID", "Indonesia", "Asia", 278);
    }

    @Test
    void on_missing_reject_sends_rows_without_a_match_to_the_dead_letters() {
        Transform lookup = lookup("columns", List.of("country_name"), "on_missing", "reject");
        assertThat(Rows.of(lookup.apply(BATCH, context)).stream().map(r -> r.get(0)).toList()).containsExactly(1L, 2L, 5L);
        assertThat(context.rejects).containsExactly(
                new TransformTesting.Reject(2, "lookup country: 'XX' is not in the lookup"),
                new TransformTesting.Reject(3, "lookup country: null is not in the lookup"));
    }

    @Test
    void values_match_keys_as_text_so_a_number_finds_its_key_in_a_csv() throws Exception {
        Files.writeString(dir.resolve("codes.csv"), "id,label\n1,one\n2,two\n");
        Transform lookup = TransformTesting.transform("lookup", dir,
                Map.of("file", "codes.csv", "key", "id", "on", "id"));
        assertThat(Rows.of(lookup.apply(BATCH, context)).stream().map(r -> r.get(2)).toList())
                .containsExactly("one", "two", null, null, null);
    }

    @Test
    void a_json_lines_file_keeps_its_json_types() throws Exception {
        Files.writeString(dir.resolve("countries.ndjson"), """
                {"code": "ID", "population_m": 278, "landlocked": false}

                {"code": "日本", "population_m": 124, "landlocked": null}
                """);
        Transform lookup = lookup("file", "countries.ndjson");
        Schema out = lookup.outputSchema(ORDERS);
        assertThat(out.field(2)).isEqualTo(new Field("population_m", DataType.INT32));
        assertThat(out.field(3)).isEqualTo(new Field("landlocked", DataType.BOOLEAN));
        assertThat(Rows.of(lookup.apply(BATCH, context)).subList(0, 3)).containsExactly(
                row(1L, "ID", 278, false), Arrays.asList(2L, "日本", 124, null), Arrays.asList(3L, "XX", null, null));
    }

    @Test
    void a_key_written_twice_is_refused_naming_the_key_and_both_rows() throws Exception {
        Files.writeString(dir.resolve("countries.csv"), "code,country_name\nID,Indonesia\nMY,Malaysia\nID,Indonesia again\n");
        assertThatThrownBy(this::lookup).isInstanceOf(MuaraException.class)
                .hasMessageContaining("has the key 'ID' twice (rows 1 and 3)");
    }

    @Test
    void a_missing_file_is_a_configuration_error_naming_the_path() {
        assertThatThrownBy(() -> lookup("file", "nations.csv")).isInstanceOf(MuaraException.class)
                .hasMessageContaining("option 'file': there is no file " + dir.toAbsolutePath().resolve("nations.csv"));
    }

    @Test
    void a_relative_path_leading_out_of_the_pipeline_folder_is_refused() throws Exception {
        Path pipelineFolder = Files.createDirectories(dir.resolve("pipeline"));
        Files.createSymbolicLink(pipelineFolder.resolve("linked.csv"), dir.resolve("countries.csv"));
        for (String escaping : List.of("../countries.csv", "linked.csv")) {
            assertThatThrownBy(() -> TransformTesting.transform("lookup", pipelineFolder,
                    Map.of("file", escaping, "key", "code", "on", "country")))
                    .isInstanceOf(MuaraException.class).hasMessageContaining("leads out of the pipeline's folder");
        }
    }

    @Test
    void a_file_larger_than_max_rows_is_refused() {
        assertThatThrownBy(() -> lookup("max_rows", 3L)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("has more than 3 rows");
        assertThat(lookup("max_rows", 4L)).isNotNull();
    }

    @Test
    void columns_the_file_lacks_or_the_rows_have_already_are_configuration_errors() {
        assertThatThrownBy(() -> lookup("columns", List.of("capital"))).isInstanceOf(MuaraException.class)
                .hasMessageContaining("the lookup has no column 'capital'");
        assertThatThrownBy(() -> lookup("key", "iso")).isInstanceOf(MuaraException.class)
                .hasMessageContaining("has no key column 'iso'");
        Schema clash = Schema.of(new Field("country", DataType.STRING), new Field("region", DataType.STRING));
        assertThatThrownBy(() -> lookup().outputSchema(clash)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("the rows have a column 'region' already");
        assertThatThrownBy(() -> lookup("on", "nation").outputSchema(ORDERS)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("there is no column 'nation'");
    }

    @Test
    void a_lookup_takes_a_file_or_a_source_and_neither_both_nor_none_is_accepted() {
        SourceConfig crm = new SourceConfig("sqlite", Options.of("source 'sqlite'",
                Map.of("path", "crm.sqlite", "tables", List.of("countries"))));
        assertThatThrownBy(() -> lookup("source", crm)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("option 'source': give file or source, not both");
        assertThatThrownBy(() -> TransformTesting.transform("lookup", dir, Map.of("key", "code", "on", "country")))
                .isInstanceOf(MuaraException.class)
                .hasMessageContaining("transform lookup needs file (a CSV or JSON file) or source (a table or query)");
    }

    @Test
    void a_source_outside_a_pipeline_is_refused_as_there_are_no_connectors_to_read_it() {
        SourceConfig crm = new SourceConfig("sqlite", Options.of("source 'sqlite'",
                Map.of("path", "crm.sqlite", "tables", List.of("countries"))));
        assertThatThrownBy(() -> TransformTesting.transform("lookup", dir,
                Map.of("source", crm, "key", "code", "on", "country"))).isInstanceOf(MuaraException.class)
                .hasMessageContaining("source 'sqlite' cannot be read here: no connectors are loaded");
    }
}
