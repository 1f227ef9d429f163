package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static dev.muara.transforms.TransformTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.testkit.Rows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** unnest: arrays of objects into child streams, linked by generated keys. */
class NestedDataTest {

    private static final Schema ORDERS = Schema.of(new Field("id", DataType.INT64), new Field("items", DataType.JSON));

    private final TransformTesting.Context context = new TransformTesting.Context();

    private static Batch orders(Object... idsAndItems) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < idsAndItems.length; i += 2) {
            rows.add(row(idsAndItems[i], idsAndItems[i + 1]));
        }
        return Rows.batch(ORDERS, rows);
    }

    private List<Map<String, Object>> emitted(String stream) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Batch batch : context.emitted.getOrDefault(stream, List.of())) {
            for (List<Object> values : Rows.of(batch)) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int c = 0; c < values.size(); c++) {
                    row.put(batch.schema().field(c).name(), values.get(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void arrays_of_objects_become_child_and_grandchild_rows_linked_by_generated_keys() {
        Batch batch = orders(
                1L, "[{\"sku\":\"ä-1\",\"discounts\":[{\"pct\":10},{\"pct\":5}]},{\"sku\":\"b\",\"discounts\":[]}]",
                2L, null,
                3L, "[]",
                4L, "[1,2]",
                5L, "[{\"sku\":\"c\",\"discounts\":null}]");
        Batch parents = transform("unnest", Map.of("column", "items")).apply(batch, context);

        assertThat(parents.schema().names()).containsExactly("id", "items", "_muara_id");
        assertThat(Rows.of(parents)).extracting(r -> r.get(1)).containsExactly(null, null, "[]", "[1,2]", null);
        List<Object> ids = Rows.of(parents).stream().map(r -> r.get(2)).toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat((String) id).hasSize(32));

        assertThat(context.emitted.keySet()).containsExactly("s__items", "s__items__discounts");
        List<Map<String, Object>> items = emitted("s__items");
        assertThat(items).extracting(r -> r.get("sku")).containsExactly("ä-1", "b", "c");
        assertThat(items).extracting(r -> r.get("_muara_parent_id")).containsExactly(ids.get(0), ids.get(0), ids.get(4));
        assertThat(items).extracting(r -> r.get("_muara_list_index")).containsExactly(0, 1, 0);
        // an empty or null inner array stays in its row, as the parent's does
        assertThat(items).extracting(r -> r.get("discounts")).containsExactly(null, "[]", null);

        List<Map<String, Object>> discounts = emitted("s__items__discounts");
        assertThat(discounts).extracting(r -> r.get("pct")).containsExactly(10, 5);
        assertThat(discounts).extracting(r -> r.get("_muara_parent_id")).containsOnly(items.get(0).get("_muara_id"));
        assertThat(discounts).extracting(r -> r.get("_muara_list_index")).containsExactly(0, 1);
    }

    @Test
    void arrays_below_max_depth_and_arrays_not_all_objects_stay_json() {
        Batch batch = orders(1L, "[{\"sku\":\"a\",\"discounts\":[{\"pct\":10}]}]", 2L, "[{\"sku\":\"b\"},3]");
        Batch parents = transform("unnest", Map.of("column", "items", "max_depth", 1L)).apply(batch, context);

        assertThat(Rows.of(parents)).extracting(r -> r.get(1)).containsExactly(null, "[{\"sku\":\"b\"},3]");
        assertThat(context.emitted.keySet()).containsExactly("s__items");
        assertThat(emitted("s__items")).extracting(r -> r.get("discounts")).containsExactly("[{\"pct\":10}]");
    }

    @Test
    void an_array_found_not_all_objects_after_its_first_elements_takes_back_their_rows_and_their_children() {
        Batch batch = orders(1L, "[{\"sku\":\"a\"}]", 2L,
                "[{\"sku\":\"b\",\"discounts\":[{\"pct\":5}]},{\"sku\":\"c\"},\"late\"]");
        Batch parents = transform("unnest", Map.of("column", "items")).apply(batch, context);

        assertThat(Rows.of(parents)).extracting(r -> r.get(1))
                .containsExactly(null, "[{\"sku\":\"b\",\"discounts\":[{\"pct\":5}]},{\"sku\":\"c\"},\"late\"]");
        assertThat(context.emitted.keySet()).containsExactly("s__items");
        assertThat(emitted("s__items")).extracting(r -> r.get("sku")).containsExactly("a");
    }

    @Test
    void ids_are_the_same_for_a_re_read_batch_and_differ_for_another() {
        Transform unnest = transform("unnest", Map.of("column", "items"));
        Batch batch = orders(1L, "[{\"sku\":\"a\"}]", 2L, "[{\"sku\":\"b\"}]");
        List<Object> first = ids(unnest.apply(batch, context));
        List<Object> again = ids(unnest.apply(batch, context));
        context.origin = "data.ndjson@120";
        List<Object> elsewhere = ids(unnest.apply(batch, context));

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).doesNotContainAnyElementsOf(first);
        List<Map<String, Object>> items = emitted("s__items");
        assertThat(items.get(2)).isEqualTo(items.get(0));
        assertThat(items.get(4).get("_muara_id")).isNotEqualTo(items.get(0).get("_muara_id"));
    }

    @Test
    void a_merged_stream_gets_ids_from_its_key_wherever_the_row_is_read() {
        context.mergeKey = List.of("id");
        Transform unnest = transform("unnest", Map.of("column", "items"));
        List<Object> first = ids(unnest.apply(orders(1L, "[{\"sku\":\"a\"}]", 2L, null), context));
        context.origin = "data.ndjson@999";
        List<Object> moved = ids(unnest.apply(orders(2L, null, 1L, "[{\"sku\":\"a\"}]"), context));

        assertThat(moved).containsExactly(first.get(1), first.get(0));
        context.mergeKey = List.of("order_no");
        assertThatThrownBy(() -> unnest.apply(orders(1L, null), context)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("order_no");
    }

    @Test
    void a_missing_column_gives_no_child_rows_and_a_column_not_json_fails_before_any_data() {
        Batch noItems = Rows.batch(Schema.of(new Field("id", DataType.INT64)), List.of(row(1L)));
        Batch parents = transform("unnest", Map.of("column", "items")).apply(noItems, context);
        assertThat(parents.schema().names()).containsExactly("id", "_muara_id");
        assertThat(context.emitted).isEmpty();

        assertThatThrownBy(() -> transform("unnest", Map.of("column", "id")).outputSchema(ORDERS))
                .isInstanceOf(MuaraException.class).hasMessageContaining("column 'id' is int64, not JSON");
    }

    private static List<Object> ids(Batch batch) {
        return Arrays.asList(Rows.of(batch).stream().map(r -> r.get(batch.schema().indexOf("_muara_id"))).toArray());
    }
}
