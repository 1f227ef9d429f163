package dev.muara.core.config;

import dev.muara.api.option.Options;
import dev.muara.api.sink.StreamTarget;

/**
 * One stream a pipeline lists: a source configuration and where it lands. A source that finds its streams as it
 * plans may feed more streams than these; their settings come from {@link PipelineConfig#targets()}.
 *
 * @param name the stream name
 * @param sourceOptions the source's options with this stream's overrides
 * @param settings the table, write mode, key, target options and engine rules of this stream
 */
public record StreamConfig(String name, Options sourceOptions, StreamSettings settings) {

    /** Where this stream lands. */
    public StreamTarget target() {
        return settings.target();
    }
}
