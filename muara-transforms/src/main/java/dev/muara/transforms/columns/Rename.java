package dev.muara.transforms.columns;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gives columns new names; the values stay as they are. */
final class Rename implements Transform {

    private final Map<String, String> names;

    Rename(Map<String, String> names) {
        this.names = new LinkedHashMap<>(names);
    }

    @Override
    public Schema outputSchema(Schema input) {
        Columns.requireAll(input, names.keySet(), "rename");
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Field field : input.fields()) {
            String name = names.getOrDefault(field.name(), field.name());
            if (!seen.add(name)) {
                throw MuaraException.config("transform rename: two columns would be called '" + name + "'")
                        .withHint("drop one of them first, or choose another name");
            }
            fields.add(new Field(name, field.type()));
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        return new Batch(outputSchema(batch.schema()), batch.columns(), batch.rowCount());
    }
}
