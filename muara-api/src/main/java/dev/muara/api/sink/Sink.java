package dev.muara.api.sink;

/**
 * Where data goes. Created by {@link SinkConnector#create} once per run; {@link #open} gives the single writer
 * of the run; {@link #close()} comes last.
 *
 * <p>Optional abilities are mixins: a sink that stores the pipeline state in the same transaction as the data
 * implements {@link SupportsTransactionalState}.
 */
public interface Sink extends AutoCloseable {

    /** The writer for one run. */
    SinkWriter open(WriterContext context) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
