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

    /** A sink configured by validated {@code options}. Cheap: connect lazily in {@link Sink#open}. */
    Sink create(SinkContext context, Options options);
}
