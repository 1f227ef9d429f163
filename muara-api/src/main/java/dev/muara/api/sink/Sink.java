package dev.muara.api.sink;

import java.util.Set;

/**
 * Where data goes. Created by {@link SinkConnector#create} once per run; {@link #open} gives the single writer
 * of the run; {@link #close()} comes last.
 *
 * <p>Optional abilities are mixins: a sink that stores the pipeline state in the same transaction as the data
 * implements {@link SupportsTransactionalState}.
 */
public interface Sink extends AutoCloseable {

    /** The write modes this sink can carry out; the engine refuses a pipeline that asks for another. */
    Set<WriteMode> writeModes();

    /** The writer for one run. */
    SinkWriter open(WriterContext context) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
