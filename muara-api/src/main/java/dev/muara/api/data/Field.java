package dev.muara.api.data;

/**
 * A named, typed column of a {@link Schema}. Every column may hold nulls.
 *
 * @param name the column name as the source gives it; sinks quote it, so any text is allowed
 * @param type the column type
 */
public record Field(String name, DataType type) {
    public Field {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " needs a type");
        }
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
