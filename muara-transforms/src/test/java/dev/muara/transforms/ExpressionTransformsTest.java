package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static dev.muara.transforms.TransformTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.testkit.Rows;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTransformsTest {

    private static final Schema ORDERS = Schema.of(new Field("id", DataType.INT32), new Field("status", DataType.STRING),
            new Field("amount", DataType.decimal(10, 2)), new Field("quantity", DataType.INT64),
            new Field("placed", DataType.TIMESTAMP_TZ), new Field("order id", DataType.STRING));

    private final TransformTesting.Context context = new TransformTesting.Context();

    private static Batch orders() {
        return Rows.batch(ORDERS, List.of(
                row(1, "paid", new BigDecimal("10.50"), 2L, Instant.parse("2024-03-01T10:00:00Z"), "A-1"),
                row(2, "cancelled", new BigDecimal("3.00"), 1L, Instant.parse("2024-03-02T10:00:00Z"), "A-2"),
                row(3, "paid", null, 4L, null, "A-3"),
                row(4, "открыт", new BigDecimal("0.00"), null, Instant.parse("2024-03-04T10:00:00Z"), "Ä-4")));
    }

    private static Transform derive(String column, String expression) {
        return transform("derive", Map.of("column", column, "expression", expression));
    }

    private static Transform filter(String expression) {
        return transform("filter", Map.of("expression", expression));
    }

    private static Field outputField(Transform transform, String column) {
        Schema out = transform.outputSchema(ORDERS);
        return out.field(out.indexOf(column));
    }

    private static List<Object> column(Batch batch, String name) {
        return Rows.of(batch).stream().map(r -> r.get(batch.schema().indexOf(name))).toList();
    }

    @Test
    void the_derived_column_takes_the_type_of_the_expression() {
        assertThat(outputField(derive("n", "quantity * 2"), "n").type()).isEqualTo(DataType.INT64);
        assertThat(outputField(derive("n", "id + 1"), "n").type()).isEqualTo(DataType.INT64);
        assertThat(outputField(derive("n", "amount * 1.2"), "n").type()).isEqualTo(DataType.FLOAT64);
        assertThat(outputField(derive("n", "status + '!'"), "n").type()).isEqualTo(DataType.STRING);
        assertThat(outputField(derive("n", "status == 'paid'"), "n").type()).isEqualTo(DataType.BOOLEAN);
        assertThat(outputField(derive("n", "placed + duration('1h')"), "n").type()).isEqualTo(DataType.TIMESTAMP_TZ);
        assertThat(outputField(derive("n", "b'\\x01\\x02'"), "n").type()).isEqualTo(DataType.BINARY);
        assertThat(outputField(derive("n", "quantity"), "n").type()).isEqualTo(DataType.INT64);
    }

    @Test
    void derive_computes_per_row_appends_the_column_and_a_null_operand_sends_the_row_to_the_dead_letters() {
        Batch out = derive("total", "amount * double(quantity)").apply(orders(), context);
        assertThat(out.schema().names()).containsExactly("id", "status", "amount", "quantity", "placed", "order id", "total");
        assertThat(column(out, "id")).containsExactly(1, 2);
        assertThat(column(out, "total")).containsExactly(21.0, 3.0);
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(2, 3);
        assertThat(context.rejects.get(0).reason()).isEqualTo("derive total: 'amount * double(quantity)' failed: "
                + "'*' cannot take these values; is one of them null? (at character 8)");
    }

    @Test
    void a_null_can_be_tested_and_replaced_and_a_null_result_is_a_null_value() {
        Batch out = derive("amount", "amount == null ? 0.0 : amount").apply(orders(), context);
        assertThat(out.schema().names()).containsExactly("id", "status", "amount", "quantity", "placed", "order id");
        assertThat(out.schema().field(2).type()).isEqualTo(DataType.FLOAT64);
        assertThat(column(out, "amount")).containsExactly(10.5, 3.0, 0.0, 0.0);

        Batch passed = derive("when", "placed").apply(orders(), context);
        assertThat(column(passed, "when")).containsExactly(Instant.parse("2024-03-01T10:00:00Z"),
                Instant.parse("2024-03-02T10:00:00Z"), null, Instant.parse("2024-03-04T10:00:00Z"));
        assertThat(context.rejects).isEmpty();
    }

    @Test
    void strings_keep_every_character_and_count_code_points() {
        Batch out = derive("label", "status.upperAscii() + ' ' + row['order id'] + ' ' + string(size(status))")
                .apply(orders(), context);
        assertThat(column(out, "label")).containsExactly("PAID A-1 4", "CANCELLED A-2 9", "PAID A-3 4", "открыт Ä-4 6");
    }

    @Test
    void a_column_whose_name_is_no_identifier_is_read_through_row_and_a_declared_type_converts_the_value() {
        Transform code = transform("derive", Map.of("column", "code", "expression", "row['order id'].substring(2)",
                "as", "int32"));
        assertThat(code.outputSchema(ORDERS).field(6)).isEqualTo(new Field("code", DataType.INT32));
        Batch out = code.apply(orders(), context);
        assertThat(column(out, "code")).containsExactly(1, 2, 3, 4);

        Transform day = transform("derive", Map.of("column", "day", "expression", "placed", "as", "date"));
        assertThat(column(day.apply(orders(), context), "day")).containsExactly(LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2), null, LocalDate.of(2024, 3, 4));

        Transform bad = transform("derive", Map.of("column", "n", "expression", "status", "as", "int64"));
        assertThat(column(bad.apply(orders(), context), "n")).isEmpty();
        assertThat(context.rejects.get(0).reason())
                .isEqualTo("derive n: 'status' failed: it gave the string paid, which is not a int64");
    }

    @Test
    void dates_times_binary_and_json_columns_are_visible_as_cel_values() {
        Schema schema = Schema.of(new Field("d", DataType.DATE), new Field("t", DataType.TIME),
                new Field("b", DataType.BINARY), new Field("j", DataType.JSON), new Field("ok", DataType.BOOLEAN));
        Batch batch = Rows.batch(schema, List.of(row(LocalDate.of(2024, 2, 29), LocalTime.of(13, 30),
                "hé".getBytes(StandardCharsets.UTF_8), "{\"a\":1}", true)));
        Batch out = derive("s", "string(d) + ' ' + string(t) + ' ' + string(b) + ' ' + j + ' ' + string(ok)")
                .apply(batch, context);
        assertThat(column(out, "s")).containsExactly("2024-02-29T00:00:00Z 48600s hé {\"a\":1} true");
        assertThat(column(derive("b2", "b + b'!'").apply(batch, context), "b2").get(0))
                .isEqualTo("hé!".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void filter_keeps_true_rows_drops_false_and_null_quietly_and_sends_failures_to_the_dead_letters() {
        Batch out = filter("status != 'cancelled' && amount > 0").apply(orders(), context);
        assertThat(column(out, "id")).containsExactly(1);
        assertThat(context.rejects).containsExactly(new TransformTesting.Reject(2, "filter 'status != 'cancelled' && "
                + "amount > 0' failed: '>' cannot take these values; is one of them null? (at character 33)"));

        TransformTesting.Context guarded = new TransformTesting.Context();
        Batch safe = filter("amount != null && amount > 0").apply(orders(), guarded);
        assertThat(column(safe, "id")).containsExactly(1, 2);
        assertThat(guarded.rejects).isEmpty();

        Schema flags = Schema.of(new Field("ok", DataType.BOOLEAN));
        Batch nulls = filter("ok").apply(Rows.batch(flags, List.of(row(true), row((Object) null), row(false))), guarded);
        assertThat(Rows.of(nulls)).containsExactly(row(true));
        assertThat(guarded.rejects).isEmpty();
    }

    @Test
    void a_division_by_zero_sends_the_row_to_the_dead_letters_with_the_transform_and_expression() {
        Batch out = filter("quantity / (id - 2) > 0").apply(orders(), context);
        assertThat(column(out, "id")).containsExactly(3);
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(1, 3);
        assertThat(context.rejects.get(0).reason()).isEqualTo("filter 'quantity / (id - 2) > 0' failed: / by zero "
                + "(at character 10)");
    }

    @Test
    void a_missing_column_or_a_type_error_fails_before_any_data_naming_the_transform_the_expression_and_the_columns() {
        assertThatThrownBy(() -> derive("total", "amount * quantiy").outputSchema(ORDERS))
                .isInstanceOfSatisfying(MuaraException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.getMessage()).isEqualTo("transform derive total: the expression 'amount * quantiy' "
                            + "has an error at 1:10: undeclared reference to 'quantiy' (in container '')");
                    assertThat(e.hint()).isEqualTo("the columns here, as CEL sees them: id int, status string, "
                            + "amount double, quantity int, placed timestamp, row['order id'] string; "
                            + "see docs/transforms.md, Expressions");
                });
        assertThatThrownBy(() -> filter("status > 3").outputSchema(ORDERS))
                .hasMessageStartingWith("transform filter: the expression 'status > 3' has an error at 1:8: "
                        + "found no matching overload for '_>_' applied to '(wrapper(string), int)'");
        assertThatThrownBy(() -> filter("quantity * 2").outputSchema(ORDERS))
                .hasMessage("transform filter: the expression 'quantity * 2' gives a int, not a bool: a filter keeps "
                        + "the rows on which it is true");
        assertThatThrownBy(() -> derive("x", "null").outputSchema(ORDERS))
                .hasMessageContaining("gives a null_type, which is not a column type: declare one with as:");
    }

    @Test
    void a_syntax_error_or_an_unknown_type_fails_when_the_transform_is_made() {
        assertThatThrownBy(() -> filter("status == 'paid"))
                .hasMessageStartingWith("transform filter option 'expression': 'status == 'paid' has an error at 1:11: ");
        assertThatThrownBy(() -> transform("derive", Map.of("column", "c", "expression", "1", "as", "money")))
                .hasMessageContaining("option 'as': unknown type 'money'");
    }

    @Test
    void an_expression_cannot_call_java_read_files_or_name_what_is_not_declared() {
        for (String attempt : List.of("status.getClass()", "java.lang.Runtime.getRuntime().exec('ls')",
                "readFile('/etc/passwd')", "file('/etc/passwd')", "System.exit(1)", "__result__", "'a' * 1000000000")) {
            assertThatThrownBy(() -> derive("x", attempt).outputSchema(ORDERS))
                    .as(attempt).isInstanceOf(MuaraException.class).hasMessageContaining("has an error at");
        }
    }

    @Test
    void an_exploding_comprehension_stops_at_its_iteration_budget_and_only_that_row_is_rejected() {
        String ten = "[1,2,3,4,5,6,7,8,9,10]";
        String explosion = ten + ".map(a, " + ten + ".map(b, " + ten + ".map(c, " + ten + ".map(d, " + ten
                + ".map(e, a * b * c * d * e)))))";
        Batch out = derive("x", "size(" + explosion + ") + quantity").apply(orders(), context);
        assertThat(out.rowCount()).isZero();
        assertThat(context.rejects).hasSize(4);
        assertThat(context.rejects.get(0).reason()).contains("Iteration budget exceeded: 10000");

        Batch small = derive("x", "size(" + ten + ".map(a, " + ten + ".map(b, a * b)))").apply(orders(), context);
        assertThat(column(small, "x")).containsExactly(10L, 10L, 10L, 10L);
    }

    @Test
    void an_expression_that_builds_huge_strings_stops_at_its_cost_budget() {
        String ten = "[1,2,3,4,5,6,7,8,9,10]";
        String copies = "status + status + status + status + status + status + status + status";
        Schema text = Schema.of(new Field("status", DataType.STRING));
        Batch batch = Rows.batch(text, List.of(row("x".repeat(100_000)), row("ok")));
        Batch out = derive("n", "size(" + ten + ".map(a, " + ten + ".map(b, " + ten + ".map(c, " + copies
                + ").join())))").apply(batch, context);
        assertThat(Rows.of(out)).containsExactly(row("ok", 10L));
        assertThat(context.rejects).singleElement().extracting(TransformTesting.Reject::reason).asString()
                .endsWith("failed: it made more than its budget of 10000000 (characters, bytes and list items, "
                        + "plus one per step)");
        assertThatThrownBy(() -> derive("x", "status.replace('x', 'xxxxxxxxxxxxxxxx')").outputSchema(text))
                .hasMessageContaining("undeclared reference to 'replace'");
    }

    @Test
    void a_very_long_or_deeply_nested_expression_is_refused() {
        assertThatThrownBy(() -> filter("true || ".repeat(600) + "true"))
                .hasMessageContaining("expression code point size exceeds limit");
        assertThatThrownBy(() -> filter("(".repeat(100) + "true" + ")".repeat(100)))
                .hasMessageContaining("has an error");
    }

    @Test
    void a_costly_regular_expression_is_refused_or_runs_in_linear_time() {
        Schema text = Schema.of(new Field("s", DataType.STRING));
        Batch batch = Rows.batch(text, List.of(row("a".repeat(5000) + "!")));
        assertThat(filter("s.matches('^(a+)+$')").apply(batch, context).rowCount()).isZero();
        assertThat(context.rejects).isEmpty();
        filter("s.matches('a{1000}a{1000}a{1000}')").apply(batch, context);
        assertThat(context.rejects).singleElement().extracting(TransformTesting.Reject::reason).asString()
                .contains("exceeds");
    }

    @Test
    void one_transform_serves_batches_of_different_schemas() {
        Transform twice = derive("twice", "v + v");
        Batch ints = Rows.batch(Schema.of(new Field("v", DataType.INT64)), List.of(row(2L)));
        Batch strings = Rows.batch(Schema.of(new Field("v", DataType.STRING)), List.of(row("ab")));
        assertThat(Rows.of(twice.apply(ints, context))).containsExactly(row(2L, 4L));
        assertThat(Rows.of(twice.apply(strings, context))).containsExactly(row("ab", "abab"));
    }

    @Test
    void a_column_named_like_a_cel_keyword_is_reached_through_row() {
        Map<String, Object> values = new HashMap<>();
        Schema schema = Schema.of(new Field("in", DataType.INT64), new Field("row", DataType.STRING));
        values.put("column", "x");
        values.put("expression", "row['in'] + 1");
        values.put("as", "int64");
        Batch out = transform("derive", values).apply(Rows.batch(schema, List.of(row(1L, "r"))), context);
        assertThat(Rows.of(out)).containsExactly(row(1L, "r", 2L));
    }
}
