package dev.muara.transforms.lists;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.regex.Pattern;

/**
 * Turns text into a list, kept as a JSON array of strings ({@code "a, b"} → {@code ["a","b"]}): Muara has no list
 * type, and a JSON array loads into every target; {@code explode} makes rows of it.
 */
final class Split implements Transform {

    private final String column;
    private final Pattern separator;
    private final boolean trim;

    Split(String column, String separator, boolean trim) {
        this.column = column;
        this.separator = Pattern.compile(separator, Pattern.LITERAL);
        this.trim = trim;
    }

    @Override
    public Schema outputSchema(Schema input) {
        int index = Columns.require(input, column, "split");
        if (input.field(index).type().kind() != TypeKind.STRING) {
            throw MuaraException.config("transform split: column '" + column + "' is " + input.field(index).type()
                    + ", not text").withHint("cast it to string first");
        }
        return Columns.retyped(input, index, DataType.JSON);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        int index = batch.schema().indexOf(column);
        Column source = batch.column(index);
        Column lists = new Column(DataType.JSON, batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            if (source.isNull(row)) {
                lists.appendNull();
                continue;
            }
            String text = source.getString(row);
            StringBuilder json = new StringBuilder("[");
            if (!text.isEmpty()) {
                String[] parts = separator.split(text, -1);
                for (int i = 0; i < parts.length; i++) {
                    json.append(i == 0 ? "" : ",").append(Column.quote(trim ? parts[i].strip() : parts[i]));
                }
            }
            lists.appendObject(json.append(']').toString());
        }
        Column[] out = batch.columns().clone();
        out[index] = lists;
        return new Batch(schema, out, batch.rowCount());
    }
}
