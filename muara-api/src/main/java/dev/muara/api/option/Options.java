package dev.muara.api.option;

import dev.muara.api.error.MuaraException;
import java.util.Map;

/**
 * The validated option values of one connector block (for one stream, when options are set per stream).
 * Values already have the Java type their {@link OptionSpec} declares; secrets arrive as {@link Secret}.
 * Configuration is frozen: an {@code Options} never changes.
 */
public final class Options {

    private final String owner;
    private final Map<String, Object> values;
    private final Map<String, String> locations;
    private final String blockLocation;

    /**
     * @param owner what these options configure, for messages: {@code source 'file'}
     * @param values option values by key, converted to each spec's Java type
     * @param locations where each key was written ({@code pipeline.yaml:12}), for messages
     * @param blockLocation where the block itself starts, for options that were not written
     */
    public Options(String owner, Map<String, Object> values, Map<String, String> locations, String blockLocation) {
        this.owner = owner;
        this.values = Map.copyOf(values);
        this.locations = Map.copyOf(locations);
        this.blockLocation = blockLocation;
    }

    /** Options with only the given values, as tests and embedded use need them. */
    public static Options of(String owner, Map<String, Object> values) {
        return new Options(owner, values, Map.of(), owner);
    }

    /** The value of {@code spec}: the configured one, else its default (null when neither exists). */
    @SuppressWarnings("unchecked")
    public <T> T get(OptionSpec<T> spec) {
        Object value = values.get(spec.key());
        return value != null ? (T) value : spec.defaultValue();
    }

    /** Whether the pipeline set {@code spec} explicitly. */
    public boolean isSet(OptionSpec<?> spec) {
        return values.containsKey(spec.key());
    }

    /** Where {@code spec} was written, or where this block starts when it was not. */
    public String where(OptionSpec<?> spec) {
        return locations.getOrDefault(spec.key(), blockLocation);
    }

    /** Where this block starts ({@code pipeline.yaml:12}), for a problem with the block as a whole. */
    public String location() {
        return blockLocation;
    }

    /** What these options configure, as {@code source 'file'}. */
    public String owner() {
        return owner;
    }

    /**
     * A configuration error about {@code spec}'s value that only the connector can detect (a glob that matches
     * nothing, a file that cannot be opened), located at the line where the option was written.
     */
    public MuaraException invalid(OptionSpec<?> spec, String problem) {
        return MuaraException.config(owner + " option '" + spec.key() + "': " + problem).at(where(spec));
    }
}
