package dev.muara.api.option;

import dev.muara.api.source.SourceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One option a connector accepts, declared once: key, type, default, description, constraints. The pipeline
 * JSON Schema, validation messages, {@code muara connectors} and the configuration reference are all generated
 * from these declarations.
 *
 * <pre>{@code
 * static final OptionSpec<String> DELIMITER = OptionSpec.string("delimiter", "Field separator, one character.")
 *         .withDefault(",").perStream();
 * ...
 * String delimiter = options.get(DELIMITER);
 * }</pre>
 *
 * Instances are immutable: every {@code with...} method returns a new spec.
 *
 * @param <T> the Java type of the value, fixed by the {@link OptionType}
 */
public final class OptionSpec<T> {

    private final String key;
    private final OptionType type;
    private final String description;
    private final T defaultValue;
    private final boolean required;
    private final boolean perStream;
    private final List<String> allowed;
    private final Long min;
    private final Long max;

    private OptionSpec(String key, OptionType type, String description, T defaultValue, boolean required,
            boolean perStream, List<String> allowed, Long min, Long max) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultValue = defaultValue;
        this.required = required;
        this.perStream = perStream;
        this.allowed = List.copyOf(allowed);
        this.min = min;
        this.max = max;
    }

    private static <V> OptionSpec<V> of(String key, OptionType type, String description) {
        return new OptionSpec<>(key, type, description, null, false, false, List.of(), null, null);
    }

    public static OptionSpec<String> string(String key, String description) {
        return of(key, OptionType.STRING, description);
    }

    public static OptionSpec<Secret> secret(String key, String description) {
        return of(key, OptionType.SECRET, description);
    }

    public static OptionSpec<Long> integer(String key, String description) {
        return of(key, OptionType.INTEGER, description);
    }

    public static OptionSpec<Double> number(String key, String description) {
        return of(key, OptionType.NUMBER, description);
    }

    public static OptionSpec<Boolean> bool(String key, String description) {
        return of(key, OptionType.BOOLEAN, description);
    }

    public static OptionSpec<Duration> duration(String key, String description) {
        return of(key, OptionType.DURATION, description);
    }

    public static OptionSpec<Long> bytes(String key, String description) {
        return of(key, OptionType.BYTES, description);
    }

    /** An option whose value is one of {@code allowed}. */
    public static OptionSpec<String> oneOf(String key, String description, String... allowed) {
        return new OptionSpec<>(key, OptionType.ENUM, description, null, false, false, List.of(allowed), null, null);
    }

    public static OptionSpec<List<String>> stringList(String key, String description) {
        return of(key, OptionType.STRING_LIST, description);
    }

    public static OptionSpec<Map<String, String>> stringMap(String key, String description) {
        return of(key, OptionType.STRING_MAP, description);
    }

    public static OptionSpec<Map<String, ColumnSpec>> columnTypes(String key, String description) {
        return of(key, OptionType.COLUMN_TYPES, description);
    }

    /** A source written as a pipeline's {@code source:} is, reading one stream: see {@link OptionType#SOURCE}. */
    public static OptionSpec<SourceConfig> source(String key, String description) {
        return of(key, OptionType.SOURCE, description);
    }

    /** The value used when the pipeline does not set this option. */
    public OptionSpec<T> withDefault(T value) {
        return new OptionSpec<>(key, type, description, value, required, perStream, allowed, min, max);
    }

    /** The pipeline must set this option. */
    public OptionSpec<T> required() {
        return new OptionSpec<>(key, type, description, defaultValue, true, perStream, allowed, min, max);
    }

    /** The option may also be set per stream, under {@code streams:}, overriding the connector-level value. */
    public OptionSpec<T> perStream() {
        return new OptionSpec<>(key, type, description, defaultValue, required, true, allowed, min, max);
    }

    /** Smallest value allowed, for integers and numbers. */
    public OptionSpec<T> atLeast(long minimum) {
        return new OptionSpec<>(key, type, description, defaultValue, required, perStream, allowed, minimum, max);
    }

    /** Largest value allowed, for integers and numbers. */
    public OptionSpec<T> atMost(long maximum) {
        return new OptionSpec<>(key, type, description, defaultValue, required, perStream, allowed, min, maximum);
    }

    public String key() {
        return key;
    }

    public OptionType type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The default value, or null when there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isPerStream() {
        return perStream;
    }

    /** The allowed words, for {@link OptionType#ENUM}; empty otherwise. */
    public List<String> allowed() {
        return allowed;
    }

    /** The smallest integer allowed, or null. */
    public Long min() {
        return min;
    }

    /** The largest integer allowed, or null. */
    public Long max() {
        return max;
    }

    /** The default as a user writes it in YAML ({@code 10s}, {@code 512MB}, {@code [a, b]}), or null. */
    public String defaultText() {
        if (defaultValue == null) {
            return null;
        }
        if (defaultValue instanceof Duration d) {
            return formatDuration(d);
        }
        if (type == OptionType.BYTES) {
            return formatBytes((Long) defaultValue);
        }
        if (defaultValue instanceof java.util.List<?> list) {
            java.util.List<String> items = new java.util.ArrayList<>();
            for (Object item : list) {
                String text = String.valueOf(item);
                items.add(text.isEmpty() || !text.matches("[A-Za-z0-9_./-]+") ? '"' + text.replace("\"", "\\\"") + '"' : text);
            }
            return "[" + String.join(", ", items) + "]";
        }
        return defaultValue.toString();
    }

    static String formatDuration(Duration d) {
        long millis = d.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    static String formatBytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }

    @Override
    public String toString() {
        return key + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
