package dev.muara.api.sink;

import dev.muara.api.Connector;
import dev.muara.api.option.Options;

/**
 * Registers a sink type. List the implementation in {@code META-INF/services/dev.muara.api.sink.SinkConnector}.
 */
public interface SinkConnector extends Connector {

    /** A sink configured by validated {@code options}. Cheap: connect lazily in {@link Sink#open}. */
    Sink create(SinkContext context, Options options);
}
