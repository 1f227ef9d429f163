package dev.muara.transforms.columns;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.ArrayList;
import java.util.List;

/** Keeps the named columns, in the order named; or, as {@code drop}, every column but the named ones. */
final class Select implements Transform {

    private final String name;
    private final List<String> columns;
    private final boolean keep;

    private Select(String name, List<String> columns, boolean keep) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.keep = keep;
    }

    static Select keeping(List<String> columns) {
        return new Select("select", columns, true);
    }

    static Select dropping(List<String> columns) {
        return new Select("drop", columns, false);
    }

    private int[] indexes(Schema input) {
        Columns.requireAll(input, columns, name);
        if (keep) {
            return columns.stream().mapToInt(input::indexOf).toArray();
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (!columns.contains(input.field(i).name())) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Schema outputSchema(Schema input) {
        List<Field> fields = new ArrayList<>();
        for (int i : indexes(input)) {
            fields.add(input.field(i));
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        int[] indexes = indexes(batch.schema());
        Column[] out = new Column[indexes.length];
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            out[i] = batch.column(indexes[i]);
            fields.add(batch.schema().field(indexes[i]));
        }
        return new Batch(new Schema(fields), out, batch.rowCount());
    }
}
