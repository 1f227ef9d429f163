package dev.muara.api.transform;

import dev.muara.api.Connector;
import dev.muara.api.option.Options;
import java.util.Set;

/**
 * Registers a transform type. List the implementation in
 * {@code META-INF/services/dev.muara.api.transform.TransformConnector}.
 */
public interface TransformConnector extends Connector {

    /**
     * The columns whose clear values a transform configured by {@code options} leaves nowhere in its output: it masks,
     * hashes, redacts or drops them. A column the pipeline marks as personal data ({@code pii:}) must be among the
     * columns some transform of the chain protects before it may go to a target that sends data off this machine.
     * Default: none.
     */
    default Set<String> protectedColumns(Options options) {
        return Set.of();
    }

    /** A transform configured by validated {@code options}. */
    Transform create(Options options);

    /**
     * A transform configured by validated {@code options} for the pipeline {@code setup} describes: what the engine,
     * {@code muara validate} and {@code muara preview} call, once each. Override it when an option names a file,
     * which then resolves against {@link TransformSetup#baseDirectory()}. Default: {@link #create(Options)}.
     */
    default Transform create(TransformSetup setup, Options options) {
        return create(options);
    }
}
