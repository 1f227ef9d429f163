package dev.muara.transforms.nulls;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.formats.text.TextConverter;
import dev.muara.transforms.Columns;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts a value where a column is null; the value is written as text and read as the column's type. */
final class Defaults implements Transform {

    private final Map<String, String> values;

    Defaults(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The default of {@code column} as a one-row column of its type. */
    private Column value(Schema input, String column) {
        int index = Columns.require(input, column, "default");
        TextConverter converter = TextConverter.of(input.field(index).type(), null);
        Column value = new Column(converter.type(), 1);
        if (!converter.append(values.get(column), value)) {
            throw MuaraException.config("transform default: '" + values.get(column) + "' is not a "
                    + converter.type() + ", the type of column " + column)
                    .withHint("write the value as the column's type is written (ISO dates, 12.50, true)");
        }
        return value;
    }

    @Override
    public Schema outputSchema(Schema input) {
        values.keySet().forEach(column -> value(input, column));
        return input;
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Column[] out = batch.columns().clone();
        for (String column : values.keySet()) {
            int index = batch.schema().indexOf(column);
            Column source = batch.column(index);
            Column value = value(batch.schema(), column);
            Column filled = new Column(source.type(), batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                filled.appendFrom(source.isNull(row) ? value : source, source.isNull(row) ? 0 : row);
            }
            out[index] = filled;
        }
        return new Batch(batch.schema(), out, batch.rowCount());
    }
}
