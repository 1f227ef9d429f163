package dev.muara.api.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered columns of a {@link Batch}. Immutable; column names are unique.
 *
 * @param fields the columns in order
 */
public record Schema(List<Field> fields) {

    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        fields = List.copyOf(fields);
        Map<String, Boolean> seen = new HashMap<>();
        for (Field field : fields) {
            if (seen.put(field.name(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("column " + field.name() + " appears twice");
            }
        }
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    /** The position of the column called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field field : fields) {
            names.add(field.name());
        }
        return names;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
