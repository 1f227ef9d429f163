package dev.muara.transforms.quality;

import dev.muara.api.data.Schema;
import dev.muara.transforms.Columns;
import dev.muara.transforms.expression.CompiledExpression;
import dev.muara.transforms.expression.ExpressionLanguage;
import java.util.function.Function;

/**
 * {@code rule: expression}: a row meets the rule when a CEL condition is true on it; false, null and a failure (a
 * null operand, a division by zero) break it. Compiled and type-checked once per schema, before any of its data.
 */
final class ExpressionRule {

    private ExpressionRule() {
    }

    /** @param column the column shown in samples, checked to exist; null for none */
    static Function<Schema, Check.RowRule> of(String name, String expression, String column) {
        return schema -> {
            if (column != null) {
                Columns.require(schema, column, "check " + name);
            }
            CompiledExpression condition = ExpressionLanguage.compileCondition("check " + name, expression, schema,
                    "a check's expression is true on the rows that meet it");
            return batch -> {
                CompiledExpression.Rows rows = condition.rows(batch);
                return row -> !meets(rows, row);
            };
        };
    }

    private static boolean meets(CompiledExpression.Rows rows, int row) {
        try {
            return rows.evaluate(row) instanceof Boolean b && b;
        } catch (CompiledExpression.EvaluationFailure e) {
            return false;
        }
    }
}
