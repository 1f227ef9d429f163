package dev.muara.transforms.lookup;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import dev.muara.transforms.DroppedRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds columns of a lookup's row (from a file or a source) whose key equals a column's value. Values are matched
 * as text, so an int64 42 finds the key "42" of a CSV; a null value matches nothing.
 */
final class Lookup implements Transform {

    private final LookupTable table;
    private final String on;
    private final List<String> columns;
    private final boolean rejectMissing;

    Lookup(LookupTable table, String on, List<String> columns, boolean rejectMissing) {
        this.table = table;
        this.on = on;
        this.columns = List.copyOf(columns);
        this.rejectMissing = rejectMissing;
    }

    @Override
    public Schema outputSchema(Schema input) {
        Columns.require(input, on, "lookup");
        List<Field> fields = new ArrayList<>(input.fields());
        for (String column : columns) {
            if (input.indexOf(column) >= 0) {
                throw MuaraException.config("transform lookup: the rows have a column '" + column + "' already")
                        .withHint("rename it before the lookup, or leave it out of columns:");
            }
            fields.add(table.schema().field(table.schema().indexOf(column)));
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Column values = batch.column(Columns.require(batch.schema(), on, "lookup"));
        int[] matches = new int[batch.rowCount()];
        DroppedRows rejected = new DroppedRows(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            String value = values.text(row);
            matches[row] = value == null ? -1 : table.rowOf(value);
            if (matches[row] < 0 && rejectMissing) {
                context.reject(batch, row, "lookup " + on + ": " + (value == null ? "null" : Columns.quoted(value, 60))
                        + " is not in the lookup");
                rejected.drop(row);
            }
        }
        Column[] out = new Column[batch.columns().length + columns.size()];
        System.arraycopy(batch.columns(), 0, out, 0, batch.columns().length);
        for (int c = 0; c < columns.size(); c++) {
            Column source = table.column(columns.get(c));
            Column added = new Column(source.type(), batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                if (matches[row] < 0) {
                    added.appendNull();
                } else {
                    added.appendFrom(source, matches[row]);
                }
            }
            out[batch.columns().length + c] = added;
        }
        return rejected.from(new Batch(outputSchema(batch.schema()), out, batch.rowCount()));
    }
}
