package dev.muara.transforms;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the built-in transforms share: finding the columns they name, and leaving rejected rows out. */
public final class Columns {

    private Columns() {
    }

    /**
     * The index of {@code column} in {@code schema}.
     *
     * @throws MuaraException of kind config, naming the transform and the columns there are
     */
    public static int require(Schema schema, String column, String transform) {
        int index = schema.indexOf(column);
        if (index < 0) {
            throw MuaraException.config("transform " + transform + ": there is no column '" + column + "'")
                    .withHint("the columns at this point of the chain are: " + String.join(", ", schema.names()));
        }
        return index;
    }

    /** Checks that every name is a column of {@code schema}. */
    public static void requireAll(Schema schema, Collection<String> columns, String transform) {
        for (String column : columns) {
            require(schema, column, transform);
        }
    }

    /** {@code schema} with the column at {@code index} of another type. */
    public static Schema retyped(Schema schema, int index, DataType type) {
        List<Field> fields = new ArrayList<>(schema.fields());
        fields.set(index, new Field(schema.field(index).name(), type));
        return new Schema(fields);
    }

    /** {@code text} in single quotes for a message, cut after {@code max} characters: the whole row is elsewhere. */
    public static String quoted(String text, int max) {
        return "'" + (text.length() > max ? text.substring(0, max) + "…" : text) + "'";
    }
}
