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
}
