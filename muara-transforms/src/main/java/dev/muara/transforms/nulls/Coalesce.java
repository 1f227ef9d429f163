package dev.muara.transforms.nulls;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.ArrayList;
import java.util.List;

/** Sets a column to the first value that is not null among several columns, in the order given. */
final class Coalesce implements Transform {

    private final String column;
    private final List<String> from;

    Coalesce(String column, List<String> from) {
        this.column = column;
        this.from = List.copyOf(from);
    }

    private DataType type(Schema input) {
        DataType type = null;
        for (String name : from) {
            DataType next = input.field(Columns.require(input, name, "coalesce")).type();
            if (type != null && !type.equals(next)) {
                throw MuaraException.config("transform coalesce: columns " + String.join(", ", from)
                        + " have different types (" + type + ", " + next + ")").withHint("cast them to one type first");
            }
            type = next;
        }
        return type;
    }

    @Override
    public Schema outputSchema(Schema input) {
        List<Field> fields = new ArrayList<>(input.fields());
        Field result = new Field(column, type(input));
        int existing = input.indexOf(column);
        if (existing >= 0) {
            fields.set(existing, result);
        } else {
            fields.add(result);
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        Column[] sources = from.stream().map(name -> batch.column(batch.schema().indexOf(name))).toArray(Column[]::new);
        Column result = new Column(schema.field(schema.indexOf(column)).type(), batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            Column first = null;
            for (Column source : sources) {
                if (!source.isNull(row)) {
                    first = source;
                    break;
                }
            }
            if (first == null) {
                result.appendNull();
            } else {
                result.appendFrom(first, row);
            }
        }
        Column[] out = new Column[schema.size()];
        System.arraycopy(batch.columns(), 0, out, 0, batch.columns().length);
        out[schema.indexOf(column)] = result;
        return new Batch(schema, out, batch.rowCount());
    }
}
