package dev.muara.transforms.expression;

import dev.cel.common.values.NullValue;
import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.DroppedRows;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the rows on which an expression is true. False and null leave a row out quietly, as SQL's {@code WHERE}
 * does; a row on which the expression fails (a null operand, a division by zero) goes to the dead letters with the
 * reason, so a mistake in the data shows instead of vanishing.
 */
final class Filter implements Transform {

    private final String expression;
    private final Map<Schema, CompiledExpression> compiled = new ConcurrentHashMap<>();

    Filter(String expression) {
        this.expression = expression;
    }

    private CompiledExpression compiled(Schema input) {
        return compiled.computeIfAbsent(input, schema -> ExpressionLanguage.compileCondition("filter", expression, schema,
                "a filter keeps the rows on which it is true"));
    }

    @Override
    public Schema outputSchema(Schema input) {
        compiled(input);
        return input;
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        CompiledExpression.Rows rows = compiled(batch.schema()).rows(batch);
        DroppedRows dropped = new DroppedRows(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            String problem = null;
            boolean keep = false;
            try {
                Object value = rows.evaluate(row);
                if (value instanceof Boolean b) {
                    keep = b;
                } else if (!(value instanceof NullValue)) {
                    problem = "it gave the " + CelValues.kind(value) + " " + value + ", not a bool";
                }
            } catch (CompiledExpression.EvaluationFailure e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                context.reject(batch, row, "filter " + ExpressionLanguage.quote(expression) + " failed: " + problem);
            }
            if (!keep) {
                dropped.drop(row);
            }
        }
        return dropped.from(batch);
    }
}
