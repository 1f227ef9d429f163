package dev.muara.api.data;

/**
 * Rows moving through a pipeline, held column by column. A source's reader produces batches of bounded size
 * (thousands of rows), so memory stays flat whatever the input size; a batch is never shared between threads
 * while it is being filled.
 *
 * @param schema the columns
 * @param columns one {@link Column} per schema field, each with {@code rowCount} values
 * @param rowCount the number of rows
 */
public record Batch(Schema schema, Column[] columns, int rowCount) {

    public Batch {
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException("a batch of " + schema.size() + " columns got " + columns.length);
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].size() != rowCount) {
                throw new IllegalArgumentException("column " + schema.field(i).name() + " has " + columns[i].size()
                        + " values for " + rowCount + " rows");
            }
            if (!columns[i].type().equals(schema.field(i).type())) {
                throw new IllegalArgumentException("column " + schema.field(i).name() + " holds " + columns[i].type()
                        + " but the schema says " + schema.field(i).type());
            }
        }
    }

    /** The column called {@code name}, or null. */
    public Column column(String name) {
        int index = schema.indexOf(name);
        return index < 0 ? null : columns[index];
    }

    public Column column(int index) {
        return columns[index];
    }

    /** An empty batch: what an idle unbounded reader returns so the engine can commit and check for stop. */
    public static Batch empty(Schema schema) {
        Column[] columns = new Column[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column(schema.field(i).type(), 1);
        }
        return new Batch(schema, columns, 0);
    }
}
