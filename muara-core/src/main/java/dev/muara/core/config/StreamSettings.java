package dev.muara.core.config;

import dev.muara.api.sink.StreamTarget;

/**
 * Where one stream lands and the engine's rules for it.
 *
 * @param target the table, write mode, key and target options, as the sink sees them
 * @param policy what to do when a batch does not match the table's columns
 * @param loadColumns whether rows carry {@code _muara_load_id} and {@code _muara_loaded_at}
 */
public record StreamSettings(StreamTarget target, SchemaPolicy policy, boolean loadColumns) {
}
