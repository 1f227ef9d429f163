package dev.muara.transforms.pii;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Replaces the values of the named columns, of any type, by text made from their text form ({@code mask},
 * {@code hash}, {@code redact}): the columns become strings, since a phone number read as int64 masks to text. Nulls
 * stay null.
 */
final class PiiMapping implements Transform {

    private final String name;
    private final List<String> columns;
    /** Thread-safe: batches of one pipeline may be transformed on several threads. */
    private final UnaryOperator<String> mapping;

    PiiMapping(String name, List<String> columns, UnaryOperator<String> mapping) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.mapping = mapping;
    }

    @Override
    public Schema outputSchema(Schema input) {
        Columns.requireAll(input, columns, name);
        List<Field> fields = new ArrayList<>();
        for (Field field : input.fields()) {
            fields.add(columns.contains(field.name()) ? new Field(field.name(), DataType.STRING) : field);
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        Column[] out = batch.columns().clone();
        for (String column : columns) {
            int index = batch.schema().indexOf(column);
            Column source = batch.column(index);
            Column mapped = new Column(DataType.STRING, batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                String text = source.text(row);
                if (text == null) {
                    mapped.appendNull();
                } else {
                    mapped.appendObject(mapping.apply(text));
                }
            }
            out[index] = mapped;
        }
        return new Batch(schema, out, batch.rowCount());
    }
}
