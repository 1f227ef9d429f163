package dev.muara.api.transform;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;

/**
 * Maps batches on their way from source to sink. A pipeline's transforms form a chain, applied in order to every
 * batch of every stream.
 *
 * <p>Created once per pipeline run and called from several reader threads at once: keep it stateless, or
 * guard its state.
 *
 * <pre>{@code
 * public Batch apply(Batch batch, TransformContext context) {
 *     int drop = batch.schema().indexOf(column);
 *     ... // build and return a batch without that column
 * }
 * }</pre>
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
