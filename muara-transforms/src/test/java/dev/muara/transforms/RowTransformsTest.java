package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static dev.muara.transforms.TransformTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.testkit.Rows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transforms that change which rows there are: split and explode, dedupe; and coalesce. */
class RowTransformsTest {

    private static final Schema ORDERS = Schema.of(new Field("id", DataType.INT64), new Field("tags", DataType.STRING));

    private final TransformTesting.Context context = new TransformTesting.Context();

    @Test
    void split_then_explode_gives_a_row_per_element_with_the_other_columns_repeated() {
        Batch batch = Rows.batch(ORDERS, List.of(row(1L, "red, blue"), row(2L, ""), row(3L, null), row(4L, "ünïcode,,x")));
        Batch lists = transform("split", Map.of("column", "tags")).apply(batch, context);
        assertThat(lists.schema().field(1).type()).isEqualTo(DataType.JSON);
        assertThat(Rows.of(lists)).extracting(r -> r.get(1)).containsExactly("[\"red\",\"blue\"]", "[]", null,
                "[\"ünïcode\",\"\",\"x\"]");
        Batch rows = transform("explode", Map.of("column", "tags")).apply(lists, context);
        assertThat(Rows.of(rows)).containsExactly(row(1L, "red"), row(1L, "blue"), row(4L, "ünïcode"), row(4L, ""),
                row(4L, "x"));
        Batch outer = transform("explode", Map.of("column", "tags", "keep_empty", true)).apply(lists, context);
        assertThat(Rows.of(outer)).extracting(r -> r.get(0)).containsExactly(1L, 1L, 2L, 3L, 4L, 4L, 4L);
    }

    @Test
    void explode_keeps_objects_as_json_and_rejects_a_value_that_is_not_an_array() {
        Schema schema = Schema.of(new Field("id", DataType.INT64), new Field("items", DataType.JSON));
        Batch batch = Rows.batch(schema, List.of(row(1L, "[{\"sku\": \"A\"}, 2, null]"), row(2L, "{\"sku\": \"B\"}")));
        Batch rows = transform("explode", Map.of("column", "items")).apply(batch, context);
        assertThat(Rows.of(rows)).containsExactly(row(1L, "{\"sku\":\"A\"}"), row(1L, "2"), row(1L, null));
        assertThat(context.rejects).containsExactly(new TransformTesting.Reject(1, "explode items: not a JSON array"));
    }

    @Test
    void dedupe_keeps_the_first_row_of_each_key_across_batches_of_a_run() {
        Schema schema = Schema.of(new Field("a", DataType.STRING), new Field("b", DataType.STRING), new Field("n", DataType.INT32));
        Transform dedupe = transform("dedupe", Map.of("key", List.of("a", "b")));
        Batch first = Rows.batch(schema, List.of(row("x", "1", 1), row("x", "1", 2), row("x,1", null, 3), row(null, null, 4)));
        Batch second = Rows.batch(schema, List.of(row("x", "1", 5), row("x", ",1", 6), row(null, null, 7), row("y", "1", 8)));
        assertThat(Rows.of(dedupe.apply(first, context))).extracting(r -> r.get(2)).containsExactly(1, 3, 4);
        assertThat(Rows.of(dedupe.apply(second, context))).extracting(r -> r.get(2)).containsExactly(6, 8);
    }

    @Test
    void dedupe_remembers_at_most_max_keys_and_forgets_the_oldest() {
        Schema schema = Schema.of(new Field("k", DataType.INT32));
        Transform dedupe = transform("dedupe", Map.of("key", List.of("k"), "max_keys", 2L));
        dedupe.apply(Rows.batch(schema, List.of(row(1), row(2), row(3))), context);
        assertThat(Rows.of(dedupe.apply(Rows.batch(schema, List.of(row(1), row(3))), context))).containsExactly(row(1));
    }

    @Test
    void coalesce_takes_the_first_value_that_is_not_null() {
        Schema schema = Schema.of(new Field("mobile", DataType.STRING), new Field("home", DataType.STRING));
        Batch batch = Rows.batch(schema, List.of(row("0811", "021"), row(null, "021"), row(null, null)));
        Batch out = transform("coalesce", Map.of("column", "phone", "from", List.of("mobile", "home"))).apply(batch, context);
        assertThat(out.schema().names()).containsExactly("mobile", "home", "phone");
        assertThat(Rows.of(out)).extracting(r -> r.get(2)).containsExactly("0811", "021", null);
        Schema mixed = Schema.of(new Field("a", DataType.STRING), new Field("b", DataType.INT64));
        assertThatThrownBy(() -> transform("coalesce", Map.of("column", "a", "from", List.of("a", "b"))).outputSchema(mixed))
                .hasMessage("transform coalesce: columns a, b have different types (string, int64)");
    }
}
