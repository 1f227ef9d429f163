package dev.muara.api.sink;

import dev.muara.api.Connector;
import dev.muara.api.option.Options;
import java.util.Set;

/**
 * Registers a sink type. List the implementation in {@code META-INF/services/dev.muara.api.sink.SinkConnector}.
 */
public interface SinkConnector extends Connector {

    /** The write modes this sink can carry out; a pipeline that asks for another is refused before it runs. */
    default Set<WriteMode> writeModes() {
        return Set.of(WriteMode.APPEND);
    }

    /**
     * Whether this sink, configured by {@code options}, keeps data on this machine (a database file, a local
     * folder). Columns a pipeline marks as personal data ({@code pii:}) may go in clear only to such a target; for any
     * other a mask, hash, redact or drop must protect them, or the pipeline fails validation. Default: false, so a new
     * target is treated as sending data away until it says otherwise.
     */
    default boolean keepsDataLocal(Options options) {
        return false;
    }

    /** A sink configured by validated {@code options}. Cheap: connect lazily in {@link Sink#open}. */
    Sink create(SinkContext context, Options options);
}
