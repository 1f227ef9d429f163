package dev.muara.core.engine;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import java.util.List;

/** A pipeline's transforms in order, applied to each batch on the reader thread that read it. */
public final class TransformChain {

    private final List<Transform> transforms;

    public TransformChain(List<Transform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    public Batch apply(Batch batch, TransformContext context) {
        Batch out = batch;
        for (Transform transform : transforms) {
            out = transform.apply(out, context);
        }
        return out;
    }

    /** The schema after the chain, for input of {@code input}: fails early when a transform does not fit. */
    public Schema outputSchema(Schema input) {
        Schema out = input;
        for (Transform transform : transforms) {
            out = transform.outputSchema(out);
        }
        return out;
    }

    public boolean isEmpty() {
        return transforms.isEmpty();
    }
}
