package dev.muara.api;

import dev.muara.api.option.OptionSpec;
import java.util.List;

/**
 * What every connector (source, sink or transform) tells about itself. Implementations are discovered with
 * {@link java.util.ServiceLoader}, so they need a public no-argument constructor and must be cheap to create:
 * heavy work (drivers, native libraries) belongs in the {@code create} methods.
 */
public interface Connector {

    /** The name users write as {@code type:} in a pipeline, for example {@code file} or {@code duckdb}. */
    String type();

    /** One sentence shown by {@code muara connectors}. */
    String description();

    /** Every option this connector accepts; anything else in its configuration block is an error. */
    List<OptionSpec<?>> options();
}
