package dev.muara.transforms.text;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Maps the text of some columns value by value ({@code trim}, {@code lower}, {@code upper}, {@code replace}): nulls
 * stay null; without named columns, every text column is mapped.
 */
final class TextMapping implements Transform {

    private final String name;
    private final List<String> columns;
    private final UnaryOperator<String> mapping;

    TextMapping(String name, List<String> columns, UnaryOperator<String> mapping) {
        this.name = name;
        this.columns = columns == null ? null : List.copyOf(columns);
        this.mapping = mapping;
    }

    private List<Integer> targets(Schema input) {
        List<Integer> targets = new ArrayList<>();
        if (columns == null) {
            for (int i = 0; i < input.size(); i++) {
                if (input.field(i).type().kind() == TypeKind.STRING) {
                    targets.add(i);
                }
            }
            return targets;
        }
        for (String column : columns) {
            int index = Columns.require(input, column, name);
            if (input.field(index).type().kind() != TypeKind.STRING) {
                throw MuaraException.config("transform " + name + ": column '" + column + "' is "
                        + input.field(index).type() + ", not text").withHint("cast it to string first");
            }
            targets.add(index);
        }
        return targets;
    }

    @Override
    public Schema outputSchema(Schema input) {
        targets(input);
        return input;
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Column[] out = batch.columns().clone();
        for (int index : targets(batch.schema())) {
            Column source = batch.column(index);
            Column mapped = new Column(source.type(), batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                if (source.isNull(row)) {
                    mapped.appendNull();
                } else {
                    mapped.appendObject(mapping.apply(source.getString(row)));
                }
            }
            out[index] = mapped;
        }
        return new Batch(batch.schema(), out, batch.rowCount());
    }
}
