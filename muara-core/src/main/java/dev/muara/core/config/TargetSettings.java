package dev.muara.core.config;

import dev.muara.api.option.Options;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target's settings for any stream: the values written under {@code target:}, with the overrides written
 * under {@code target.tables.<stream>}. Streams a source finds as it plans (tables matching a pattern) get their
 * settings here at run time, the same way as the streams a pipeline lists.
 */
public final class TargetSettings {

    private final String owner;
    private final Map<String, Object> base;
    private final Map<String, String> baseLocations;
    private final String baseLocation;
    private final Map<String, Map<String, Object>> overrides;
    private final Map<String, Map<String, String>> overrideLocations;
    private final Map<String, String> overrideBlockLocations;

    TargetSettings(String owner, Map<String, Object> base, Map<String, String> baseLocations, String baseLocation,
            Map<String, Map<String, Object>> overrides, Map<String, Map<String, String>> overrideLocations,
            Map<String, String> overrideBlockLocations) {
        this.owner = owner;
        this.base = Map.copyOf(base);
        this.baseLocations = Map.copyOf(baseLocations);
        this.baseLocation = baseLocation;
        this.overrides = Map.copyOf(overrides);
        this.overrideLocations = Map.copyOf(overrideLocations);
        this.overrideBlockLocations = Map.copyOf(overrideBlockLocations);
    }

    /** The stream names that have settings of their own under {@code target.tables}. */
    public Set<String> overridden() {
        return overrides.keySet();
    }

    /**
     * The settings of {@code stream}. {@code sourceKey} is the key the source knows for it (a table's primary
     * key), used when the pipeline names none.
     */
    @SuppressWarnings("unchecked")
    public StreamSettings forStream(String stream, List<String> sourceKey) {
        Map<String, Object> values = new LinkedHashMap<>(base);
        Map<String, String> locations = new HashMap<>(baseLocations);
        values.putAll(overrides.getOrDefault(stream, Map.of()));
        locations.putAll(overrideLocations.getOrDefault(stream, Map.of()));
        String table = (String) values.getOrDefault(PipelineOptions.TABLE.key(), stream);
        WriteMode write = WriteMode.fromWord((String) values.getOrDefault(PipelineOptions.WRITE.key(),
                PipelineOptions.WRITE.defaultValue()));
        List<String> key = (List<String>) values.getOrDefault(PipelineOptions.PRIMARY_KEY.key(), sourceKey);
        SchemaPolicy policy = SchemaPolicy.fromWord((String) values.getOrDefault(PipelineOptions.SCHEMA_POLICY.key(),
                PipelineOptions.SCHEMA_POLICY.defaultValue()));
        boolean loadColumns = (Boolean) values.getOrDefault(PipelineOptions.LOAD_COLUMNS.key(),
                PipelineOptions.LOAD_COLUMNS.defaultValue());
        PipelineOptions.ENGINE_TARGET.forEach(spec -> values.remove(spec.key()));
        Options options = new Options(owner, values, locations, overrideBlockLocations.getOrDefault(stream, baseLocation));
        return new StreamSettings(new StreamTarget(stream, table, write, key, options), policy, loadColumns);
    }

    /** Where the settings of {@code stream} are written, for messages. */
    public String locationOf(String stream) {
        return overrideBlockLocations.getOrDefault(stream, baseLocation);
    }
}
