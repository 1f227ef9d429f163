package dev.muara.transforms.expression;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.formats.text.TextConverter;
import dev.muara.transforms.DroppedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds a column, or replaces one of the same name in place, with the value of an expression. The column's type is the
 * expression's, or the declared one; a row on which the expression fails, or whose value does not fit the declared
 * type, goes to the dead letters.
 */
final class Derive implements Transform {

    private final String column;
    private final String expression;
    private final DataType declaredType;
    private final TextConverter converter;
    private final Map<Schema, CompiledExpression> compiled = new ConcurrentHashMap<>();

    Derive(String column, String expression, DataType declaredType) {
        this.column = column;
        this.expression = expression;
        this.declaredType = declaredType;
        this.converter = declaredType == null ? null : TextConverter.of(declaredType, null);
    }

    private String name() {
        return "derive " + column;
    }

    private CompiledExpression compiled(Schema input) {
        return compiled.computeIfAbsent(input, schema -> ExpressionLanguage.compile(name(), expression, schema));
    }

    @Override
    public Schema outputSchema(Schema input) {
        CompiledExpression expr = compiled(input);
        DataType type = declaredType != null ? declaredType : CelValues.columnType(expr.resultType());
        if (type == null) {
            throw ExpressionLanguage.invalid(name(), expression, "gives a " + expr.resultType().name()
                    + ", which is not a column type: declare one with as: (int64, float64, string, ...)", input);
        }
        List<Field> fields = new ArrayList<>(input.fields());
        int existing = input.indexOf(column);
        if (existing >= 0) {
            fields.set(existing, new Field(column, type));
        } else {
            fields.add(new Field(column, type));
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        int index = schema.indexOf(column);
        CompiledExpression.Rows rows = compiled(batch.schema()).rows(batch);
        Column values = new Column(schema.field(index).type(), batch.rowCount());
        DroppedRows rejected = new DroppedRows(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            String problem;
            try {
                problem = append(rows.evaluate(row), values);
            } catch (CompiledExpression.EvaluationFailure e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                values.truncate(row);
                values.appendNull();
                rejected.drop(row);
                context.reject(batch, row, name() + ": " + ExpressionLanguage.quote(expression) + " failed: " + problem);
            }
        }
        Column[] out = new Column[schema.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = c == index ? values : batch.column(c);
        }
        return rejected.from(new Batch(schema, out, batch.rowCount()));
    }

    /** Appends {@code value}; returns why it does not fit the column, or null. */
    private String append(Object value, Column values) {
        try {
            if (CelValues.appendExact(value, values)) {
                return null;
            }
        } catch (ArithmeticException e) {
            return "the " + CelValues.kind(value) + " " + value + " is out of range";
        }
        String text = CelValues.text(value);
        if (converter != null && text != null && converter.append(text, values)) {
            return null;
        }
        return "it gave the " + CelValues.kind(value) + " " + shortText(value) + ", which is not a " + values.type();
    }

    private static String shortText(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
