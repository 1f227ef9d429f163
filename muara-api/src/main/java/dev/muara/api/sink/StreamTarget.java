package dev.muara.api.sink;

import dev.muara.api.option.Options;
import java.util.List;

/**
 * Where and how one stream lands.
 *
 * @param stream the stream name, as batches are tagged
 * @param table the target table (may be {@code schema.table} where the sink has schemas)
 * @param write append, replace or merge
 * @param primaryKey the key columns; required for merge
 * @param options the sink's options for this stream: the connector-level values with the stream's overrides
 */
public record StreamTarget(String stream, String table, WriteMode write, List<String> primaryKey, Options options) {
    public StreamTarget {
        primaryKey = List.copyOf(primaryKey);
    }
}
