package dev.muara.api.transform;

import dev.muara.api.Connector;
import dev.muara.api.option.Options;

/**
 * Registers a transform type. List the implementation in
 * {@code META-INF/services/dev.muara.api.transform.TransformConnector}.
 */
public interface TransformConnector extends Connector {

    /** A transform configured by validated {@code options}. */
    Transform create(Options options);
}
