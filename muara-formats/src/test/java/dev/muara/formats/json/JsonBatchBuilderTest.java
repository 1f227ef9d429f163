package dev.muara.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class JsonBatchBuilderTest {

    private static Batch build(JsonBatchBuilder builder, String... lines) {
        JsonFactory factory = new JsonFactory();
        for (String line : lines) {
            try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), line)) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                builder.addObject(parser);
            }
        }
        return builder.build();
    }

    @Test
    void keys_become_columns_with_inferred_types() {
        Batch batch = build(new JsonBatchBuilder(false, Map.of(), 16),
                "{\"id\": 1, \"name\": \"Ana\", \"born\": \"1990-04-01\", \"vip\": true, \"tags\": [\"a\"], \"address\": {\"city\": \"Jakarta\"}}",
                "{\"id\": 2, \"name\": null, \"score\": 2.5}");
        assertThat(batch.schema().toString()).isEqualTo(
                "[id int32, name string, born date, vip boolean, tags json, address json, score float64]");
        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(batch.column("born").getObject(0)).isEqualTo(LocalDate.of(1990, 4, 1));
        assertThat(batch.column("address").getString(0)).isEqualTo("{\"city\":\"Jakarta\"}");
        assertThat(batch.column("score").isNull(0)).isTrue();
        assertThat(batch.column("name").isNull(1)).isTrue();
    }

    @Test
    void flattening_turns_one_level_of_objects_into_columns() {
        Batch batch = build(new JsonBatchBuilder(true, Map.of(), 16),
                "{\"id\": 1, \"address\": {\"city\": \"Jakarta\", \"geo\": {\"lat\": -6.2}}}");
        assertThat(batch.schema().names()).containsExactly("id", "address__city", "address__geo");
        assertThat(batch.column("address__geo").getString(0)).isEqualTo("{\"lat\":-6.2}");
    }

    @Test
    void a_later_value_widens_its_column() {
        Batch batch = build(new JsonBatchBuilder(false, Map.of(), 16),
                "{\"v\": 1, \"d\": \"2024-01-01\"}", "{\"v\": 2.5, \"d\": \"soon\"}", "{\"v\": {\"x\": 1}}");
        assertThat(batch.column("v").type()).isEqualTo(DataType.JSON);
        assertThat(batch.column("v").getString(0)).isEqualTo("1.0");
        assertThat(batch.column("v").getString(2)).isEqualTo("{\"x\":1}");
        assertThat(batch.column("d").type()).isEqualTo(DataType.STRING);
        assertThat(batch.column("d").getString(0)).isEqualTo("2024-01-01");
    }

    @Test
    void only_null_columns_wait_for_a_value_and_types_stick_across_batches() {
        JsonBatchBuilder builder = new JsonBatchBuilder(false, Map.of(), 16);
        Batch first = build(builder, "{\"a\": 1, \"b\": null}");
        assertThat(first.schema().names()).containsExactly("a");
        Batch second = build(builder, "{\"b\": \"x\"}");
        assertThat(second.schema().names()).containsExactly("a", "b");
        assertThat(second.column("a").isNull(0)).isTrue();
    }

    @Test
    void a_value_that_does_not_fit_a_configured_type_rejects_only_its_row() {
        JsonBatchBuilder builder = new JsonBatchBuilder(false, Map.of("n", DataType.INT64), 16);
        JsonFactory factory = new JsonFactory();
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), "{\"n\": \"x\", \"m\": {\"deep\": [1]}}")) {
            parser.nextToken();
            assertThatThrownBy(() -> builder.addObject(parser)).isInstanceOf(JsonValueException.class)
                    .hasMessage("column n: 'x' is not a int64");
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        }
        Batch batch = build(builder, "{\"n\": 5}");
        assertThat(batch.rowCount()).isEqualTo(1);
        assertThat(batch.column("n").getLong(0)).isEqualTo(5);
    }
}
