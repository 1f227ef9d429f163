package dev.muara.api.transform;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;

/**
 * Maps batches on their way from source to sink. A pipeline's transforms form a chain, applied in order to every
 * batch of every stream.
 *
 * <p>Lifecycle: {@link TransformConnector#create} makes one instance per pipeline run (and {@code muara validate}
 * and {@code muara preview} make their own); for each split the engine calls {@link #outputSchema} with the schema
 * of its first batch, then {@link #apply} for each batch. Several reader threads call the same instance at once:
 * keep it stateless, or guard its state.
 *
 * <p>A transform that adds a column with the length of another:
 * <pre>{@code
 * public Schema outputSchema(Schema input) {
 *     if (input.indexOf(column) < 0) {
 *         throw MuaraException.config("transform length: there is no column '" + column + "'");
 *     }
 *     List<Field> fields = new ArrayList<>(input.fields());
 *     fields.add(new Field(column + "_length", DataType.INT32));
 *     return new Schema(fields);
 * }
 *
 * public Batch apply(Batch batch, TransformContext context) {
 *     Column text = batch.column(column);
 *     Column lengths = new Column(DataType.INT32, batch.rowCount());
 *     for (int row = 0; row < batch.rowCount(); row++) {
 *         if (text.isNull(row)) {
 *             lengths.appendNull();
 *         } else {
 *             lengths.appendInt(text.getString(row).length());
 *         }
 *     }
 *     Column[] columns = Arrays.copyOf(batch.columns(), batch.columns().length + 1);
 *     columns[columns.length - 1] = lengths;
 *     return new Batch(outputSchema(batch.schema()), columns, batch.rowCount());
 * }
 * }</pre>
 *
 * @see dev.muara.api.transform the package description: how a plugin registers a transform
 */
public interface Transform {

    /**
     * The schema of the batches {@link #apply} returns for input of {@code input}. The engine calls it with the
     * schema of each split's first batch before the chain sees any of that split's data, so a transform that
     * refers to a missing column fails the run before it writes anything from that split.
     *
     * @throws dev.muara.api.error.MuaraException of kind config when the transform does not fit {@code input}
     */
    Schema outputSchema(Schema input);

    /**
     * The transformed batch, whose schema is {@link #outputSchema} of the input's. May return {@code batch} itself
     * when there is nothing to change. A row that cannot be transformed goes to {@link TransformContext#reject} and is
     * left out.
     */
    Batch apply(Batch batch, TransformContext context);
}
