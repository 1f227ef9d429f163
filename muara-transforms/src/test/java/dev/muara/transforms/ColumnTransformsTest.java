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
import dev.muara.testkit.Rows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnTransformsTest {

    private static final Schema SCHEMA = Schema.of(new Field("id", DataType.INT64), new Field("name", DataType.STRING),
            new Field("email", DataType.STRING));
    private static final Batch BATCH = Rows.batch(SCHEMA, List.of(row(1L, "Ayu", "ayu@example.com"),
            row(2L, null, "budi@example.com")));

    private final TransformTesting.Context context = new TransformTesting.Context();

    @Test
    void select_keeps_the_named_columns_in_the_order_named() {
        var select = transform("select", Map.of("columns", List.of("email", "id")));
        Batch out = select.apply(BATCH, context);
        assertThat(out.schema().names()).containsExactly("email", "id");
        assertThat(select.outputSchema(SCHEMA)).isEqualTo(out.schema());
        assertThat(Rows.of(out)).containsExactly(row("ayu@example.com", 1L), row("budi@example.com", 2L));
    }

    @Test
    void drop_leaves_out_the_named_columns() {
        Batch out = transform("drop", Map.of("columns", List.of("email"))).apply(BATCH, context);
        assertThat(out.schema().names()).containsExactly("id", "name");
        assertThat(Rows.of(out)).containsExactly(row(1L, "Ayu"), row(2L, null));
    }

    @Test
    void a_missing_column_fails_before_any_data_naming_the_transform_and_the_columns_there_are() {
        assertThatThrownBy(() -> transform("select", Map.of("columns", List.of("id", "mail"))).outputSchema(SCHEMA))
                .isInstanceOf(MuaraException.class).hasMessage("transform select: there is no column 'mail'")
                .extracting(e -> ((MuaraException) e).hint()).isEqualTo("the columns at this point of the chain are: id, name, email");
    }

    @Test
    void rename_changes_names_and_keeps_values_and_types() {
        var rename = transform("rename", Map.of("columns", Map.of("name", "full_name", "email", "e-mail address")));
        Batch out = rename.apply(BATCH, context);
        assertThat(out.schema().fields()).containsExactly(new Field("id", DataType.INT64),
                new Field("full_name", DataType.STRING), new Field("e-mail address", DataType.STRING));
        assertThat(Rows.of(out)).isEqualTo(Rows.of(BATCH));
    }

    @Test
    void rename_refuses_to_give_two_columns_one_name() {
        assertThatThrownBy(() -> transform("rename", Map.of("columns", Map.of("name", "email"))).outputSchema(SCHEMA))
                .hasMessage("transform rename: two columns would be called 'email'");
    }

    @Test
    void default_fills_nulls_with_a_value_of_the_column_type() {
        Schema schema = Schema.of(new Field("country", DataType.STRING), new Field("qty", DataType.INT32));
        Batch batch = Rows.batch(schema, List.of(row(null, null), row("MY", 3), row("", null)));
        Batch out = transform("default", Map.of("columns", Map.of("country", "ID", "qty", "0"))).apply(batch, context);
        // an empty string is a value, not a null
        assertThat(Rows.of(out)).containsExactly(row("ID", 0), row("MY", 3), row("", 0));
    }

    @Test
    void a_default_that_is_not_of_the_column_type_fails_before_any_data() {
        Schema schema = Schema.of(new Field("qty", DataType.INT32));
        assertThatThrownBy(() -> transform("default", Map.of("columns", Map.of("qty", "none"))).outputSchema(schema))
                .hasMessage("transform default: 'none' is not a int32, the type of column qty");
    }
}
