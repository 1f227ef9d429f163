package dev.muara.api.source;

import dev.muara.api.data.Batch;
import java.util.function.Consumer;

/**
 * Reads a whole source that ends (a table, a query, files), for a transform that holds data of its own, such as a
 * lookup table: {@link dev.muara.api.transform.TransformSetup#sources()}. The engine implements it with the
 * installed source connectors, as it reads a pipeline's source, but outside the run: no state, no positions, every
 * split from its start.
 */
@FunctionalInterface
public interface BoundedSourceReader {

    /**
     * Reads every row of {@code source}, passing its batches to {@code batches} one at a time, split after split,
     * then closes the source. An exception {@code batches} throws (a bound passed) stops the reading and comes out
     * of this call as it was thrown.
     *
     * @throws dev.muara.api.error.MuaraException of kind config when the source does not end (a broker, a
     *     listener) or holds a record it cannot read (which a run would reject); what the connector throws when the
     *     source cannot be reached or read
     */
    void read(SourceConfig source, Consumer<Batch> batches);
}
