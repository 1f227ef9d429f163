package dev.muara.core.config;

import dev.muara.api.data.DataType;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Converts validated JSON values to the Java type each {@link OptionSpec} declares. */
final class OptionValues {

    private static final Pattern DURATION = Pattern.compile("([0-9]+) ?(ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("([0-9]+) ?([kKmMgGtT]?[bB])?");

    private OptionValues() {
    }

    /**
     * The value of {@code node} for {@code spec}.
     *
     * @throws IllegalArgumentException with a message for the user when the value is wrong in a way the schema
     *     cannot tell
     */
    static Object convert(OptionSpec<?> spec, JsonNode node) {
        return switch (spec.type()) {
            case STRING, ENUM -> node.asString();
            case SECRET -> new Secret(node.asString());
            case INTEGER -> node.asLong();
            case NUMBER -> node.asDouble();
            case BOOLEAN -> node.asBoolean();
            case DURATION -> duration(node);
            case BYTES -> bytes(node);
            case STRING_LIST -> {
                List<String> list = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(item -> list.add(item.asString()));
                } else {
                    list.add(node.asString());
                }
                yield List.copyOf(list);
            }
            case STRING_MAP -> {
                Map<String, String> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
                yield map;
            }
            case COLUMN_TYPES -> {
                Map<String, ColumnSpec> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    JsonNode value = e.getValue();
                    try {
                        if (value.isString()) {
                            map.put(e.getKey(), new ColumnSpec(DataType.parse(value.asString()), null));
                        } else {
                            JsonNode format = value.get("format");
                            map.put(e.getKey(), new ColumnSpec(DataType.parse(value.get("type").asString()),
                                    format == null || format.isNull() ? null : format.asString()));
                        }
                    } catch (IllegalArgumentException bad) {
                        throw new IllegalArgumentException("column " + e.getKey() + ": " + bad.getMessage());
                    }
                }
                yield map;
            }
            // a source block is a connector's options of its own, which only the loader knows how to read
            case SOURCE -> throw new IllegalStateException("the pipeline loader reads source options");
        };
    }

    static Duration duration(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Duration.ofMillis(node.asLong());
        }
        Matcher m = DURATION.matcher(node.asString().trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 10s, 5m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    static long bytes(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        Matcher m = BYTES.matcher(node.asString().trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512MB or 2GB");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            case "tb" -> 40;
            default -> 0;
        };
        return amount << shift;
    }
}
