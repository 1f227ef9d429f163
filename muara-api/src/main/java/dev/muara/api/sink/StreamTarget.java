package dev.muara.api.sink;

import java.util.List;

/**
 * Where and how one stream lands.
 *
 * @param stream the stream name, as batches are tagged
 * @param table the target table (may be {@code schema.table} where the sink has schemas)
 * @param write append, replace or merge
 * @param primaryKey the key columns; required for merge
 */
public record StreamTarget(String stream, String table, WriteMode write, List<String> primaryKey) {
    public StreamTarget {
        primaryKey = List.copyOf(primaryKey);
    }
}
