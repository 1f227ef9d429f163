package dev.muara.api.source;

import dev.muara.api.Connector;
import dev.muara.api.option.Options;

/**
 * Registers a source type. List the implementation in
 * {@code META-INF/services/dev.muara.api.source.SourceConnector}.
 */
public interface SourceConnector extends Connector {

    /** A source for one stream, configured by validated {@code options}. Cheap: connect lazily in {@code plan}. */
    Source create(SourceContext context, Options options);

    /**
     * Whether a source with {@code options} finds its streams as it plans (every table matching a pattern), so
     * the pipeline cannot list them beforehand: settings under {@code target.tables} then name streams that
     * appear at run time.
     */
    default boolean discoversStreams(Options options) {
        return false;
    }

    /**
     * Whether the source can name the key of what it reads (a table's primary key), so that {@code write: merge}
     * needs no {@code primary_key} in the pipeline: see {@link Source#primaryKey}.
     */
    default boolean knowsPrimaryKeys() {
        return false;
    }

    /** What this source calls a split, in summaries: {@code file}, {@code partition}, {@code range}. */
    default String splitNoun() {
        return "split";
    }

    /**
     * The stream name to use when a pipeline with a single stream names neither the stream nor the target
     * table: for files, the file name without extension. Null leaves the choice to the engine (the pipeline
     * name).
     */
    default String defaultStreamName(Options options) {
        return null;
    }
}
