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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityRulesTest {

    private static final Schema ORDERS = Schema.of(new Field("id", DataType.INT64), new Field("email", DataType.STRING),
            new Field("amount", DataType.decimal(10, 2)), new Field("day", DataType.DATE), new Field("country", DataType.STRING));
    private static final Batch BATCH = Rows.batch(ORDERS, List.of(
            row(1L, "ayu@example.com", new BigDecimal("10.00"), LocalDate.of(2024, 1, 1), "ID"),
            row(2L, null, new BigDecimal("-5.00"), LocalDate.of(2031, 1, 1), "MY"),
            row(2L, "not an e-mail", null, null, "XX"),
            row(3L, "bügel@exämple.de", new BigDecimal("99999.99"), LocalDate.of(2024, 2, 29), null)));

    private final TransformTesting.Context context = new TransformTesting.Context();

    private List<Object> ids(Transform check) {
        return Rows.of(check.apply(BATCH, context)).stream().map(r -> r.get(0)).toList();
    }

    private static Map<String, Object> rule(Object... options) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        return map;
    }

    @Test
    void not_null_rejects_rows_with_the_rule_name_and_reports_rows_checked_and_failed() {
        assertThat(ids(transform("check", rule("rule", "not_null", "column", "email")))).containsExactly(1L, 2L, 3L);
        assertThat(context.rejects).containsExactly(new TransformTesting.Reject(1, "check not_null email: null"));
        assertThat(context.quality.get("not_null email")).containsExactly(4, 1);
    }

    @Test
    void a_range_compares_as_the_column_type_and_nulls_pass() {
        assertThat(ids(transform("check", rule("rule", "range", "column", "amount", "min", "0", "max", "10000")))).containsExactly(1L, 2L);
        assertThat(context.samples.get("range amount")).containsExactly("'-5.00'", "'99999.99'");
        context.rejects.clear();
        assertThat(ids(transform("check", rule("rule", "range", "column", "day", "max", "2030-12-31", "name", "no future days"))))
                .containsExactly(1L, 2L, 3L);
        assertThat(context.rejects).containsExactly(new TransformTesting.Reject(1, "check no future days: '2031-01-01'"));
    }

    @Test
    void regex_matches_whole_values_including_non_ascii_ones() {
        var email = transform("check", rule("rule", "regex", "column", "email", "pattern", "[^@\\s]+@[^@\\s]+\\.\\w+"));
        assertThat(ids(email)).containsExactly(1L, 2L, 3L);
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(2);
    }

    @Test
    void in_allows_only_the_listed_values_and_warn_keeps_the_rows_but_counts_them() {
        var country = transform("check", rule("rule", "in", "column", "country", "values", List.of("ID", "MY", "SG"),
                "action", "warn"));
        assertThat(ids(country)).containsExactly(1L, 2L, 2L, 3L);
        assertThat(context.rejects).isEmpty();
        assertThat(context.quality.get("in country")).containsExactly(4, 1);
        assertThat(context.samples.get("in country")).containsExactly("'XX'");
    }

    @Test
    void unique_holds_across_batches_of_the_run() {
        var unique = transform("check", rule("rule", "unique", "column", "id"));
        assertThat(ids(unique)).containsExactly(1L, 2L, 3L);
        assertThat(ids(unique)).isEmpty();
    }

    @Test
    void fail_stops_the_run_with_the_rule_and_a_failing_value() {
        var fail = transform("check", rule("rule", "unique", "column", "id", "action", "fail"));
        assertThatThrownBy(() -> fail.apply(BATCH, context)).isInstanceOf(MuaraException.class)
                .hasMessage("check unique id failed: 1 of 4 rows of a batch break it");
        assertThat(context.samples.get("unique id")).containsExactly("'2'");
    }

    @Test
    void rules_are_checked_against_the_schema_and_their_options_before_any_data() {
        assertThatThrownBy(() -> transform("check", rule("rule", "range", "column", "amount", "min", "zero")).outputSchema(ORDERS))
                .hasMessage("check range amount: 'zero' is not a decimal(10,2), the column's type");
        assertThatThrownBy(() -> transform("check", rule("rule", "not_null", "column", "mail")).outputSchema(ORDERS))
                .hasMessage("transform check not_null mail: there is no column 'mail'");
        assertThatThrownBy(() -> transform("check", rule("rule", "in", "column", "country", "pattern", "x")))
                .hasMessageContaining("option 'pattern': does not apply to the rule in");
        assertThatThrownBy(() -> transform("check", rule("rule", "range", "column", "amount")))
                .hasMessageContaining("a range needs min, max or both");
    }

    @Test
    void an_expression_rule_tests_the_whole_row_and_false_null_or_a_failure_break_it() {
        // row 2: -5.00 * 2 < 0; row 3: amount is null, so the product fails; row 4: a large amount passes
        Transform check = transform("check", rule("rule", "expression", "expression", "amount * double(id) > 0.0",
                "name", "positive total"));
        assertThat(ids(check)).containsExactly(1L, 3L);
        assertThat(context.rejects).containsExactly(new TransformTesting.Reject(1, "check positive total: the row breaks it"),
                new TransformTesting.Reject(2, "check positive total: the row breaks it"));
        assertThat(context.quality.get("positive total")).containsExactly(4, 2);
        assertThat(context.samples.get("positive total")).isEmpty();
    }

    @Test
    void an_expression_rule_with_a_column_shows_its_values_and_warns_or_fails_like_any_rule() {
        Transform warn = transform("check", rule("rule", "expression", "column", "email",
                "expression", "email.contains('@') && country != 'XX'", "action", "warn"));
        assertThat(ids(warn)).containsExactly(1L, 2L, 2L, 3L);
        assertThat(context.quality.get("expression email.contains('@') && country != 'XX'")).containsExactly(4, 2);
        // a null e-mail fails the expression; a null country is != 'XX', as CEL compares null with anything
        assertThat(context.samples.get("expression email.contains('@') && country != 'XX'"))
                .containsExactly("null", "'not an e-mail'");
        assertThat(context.rejects).isEmpty();

        Transform fail = transform("check", rule("rule", "expression", "column", "day", "expression",
                "day < timestamp('2030-01-01T00:00:00Z')", "action", "fail", "name", "no future days"));
        assertThatThrownBy(() -> fail.apply(BATCH, context)).isInstanceOf(MuaraException.class)
                .hasMessage("check no future days failed: 2 of 4 rows of a batch break it");
        assertThat(context.samples.get("no future days")).contains("'2031-01-01'");
    }

    @Test
    void an_expression_rule_is_compiled_and_type_checked_before_any_data() {
        assertThatThrownBy(() -> transform("check", rule("rule", "expression", "expression", "amount >")))
                .hasMessageContaining("option 'expression': 'amount >' has an error");
        assertThatThrownBy(() -> transform("check", rule("rule", "expression", "expression", "amount * 2.0",
                "name", "doubled")).outputSchema(ORDERS))
                .hasMessageContaining("transform check doubled: the expression 'amount * 2.0' gives a double, not a bool");
        assertThatThrownBy(() -> transform("check", rule("rule", "expression", "expression", "total > 0",
                "name", "t")).outputSchema(ORDERS))
                .hasMessageContaining("undeclared reference to 'total'");
        assertThatThrownBy(() -> transform("check", rule("rule", "expression")))
                .hasMessageContaining("an expression rule needs an expression");
        assertThatThrownBy(() -> transform("check", rule("rule", "not_null")))
                .hasMessageContaining("the rule not_null needs a column");
        assertThatThrownBy(() -> transform("check", rule("rule", "in", "column", "country", "values", List.of("ID"),
                "expression", "true"))).hasMessageContaining("option 'expression': does not apply to the rule in");
    }
}
