package dev.muara.core.config;

import dev.muara.api.option.Options;
import dev.muara.api.sink.StreamTarget;

/**
 * One stream of a pipeline: a source configuration and where it lands.
 *
 * @param name the stream name
 * @param sourceOptions the source's options with this stream's overrides
 * @param target the table, write mode, key and target options of this stream
 */
public record StreamConfig(String name, Options sourceOptions, StreamTarget target) {
}
