package dev.muara.core.config;

import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a pipeline file into JSON, remembering the line of every value. Plain scalars are typed as in YAML 1.2's
 * core schema ({@code yes} and {@code no} stay strings); quoted scalars are always strings. Duplicate keys are an
 * error, not a silent overwrite. Aliases are limited, so a hostile file cannot expand without bound.
 */
public final class YamlReader {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final int MAX_BYTES = 1 << 20;

    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /** Parses {@code text}, naming it {@code file} in messages. */
    public YamlDocument read(String file, String text) {
        if (text.length() > MAX_BYTES) {
            throw new InvalidConfigException(new ConfigProblem(file, 0, "", "the file is larger than 1 MiB; a pipeline file is small"));
        }
        return read(file, new StringReader(text));
    }

    private YamlDocument read(String file, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidConfigException(new ConfigProblem(file, line, "", "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new InvalidConfigException(new ConfigProblem(file, 0, "", "not valid YAML: " + e.getMessage()));
        }
        if (root == null) {
            throw new InvalidConfigException(new ConfigProblem(file, 0, "", "the file is empty; a pipeline needs at least name, source and target"));
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode content = convert(file, root, "", lines);
        return new YamlDocument(file, content, lines, new HashSet<>());
    }

    private JsonNode convert(String file, Node node, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            ObjectNode object = json.objectNode();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw new InvalidConfigException(new ConfigProblem(file, tuple.getKeyNode().getStartMark().getLine() + 1,
                            dotted(pointer), "a key must be plain text"));
                }
                String key = keyNode.getValue();
                if (!seen.add(key)) {
                    throw new InvalidConfigException(new ConfigProblem(file, keyNode.getStartMark().getLine() + 1,
                            dotted(pointer + "/" + escape(key)), "this key appears twice"));
                }
                String child = pointer + "/" + escape(key);
                object.set(key, convert(file, tuple.getValueNode(), child, lines));
                lines.put(child, keyNode.getStartMark().getLine() + 1);
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = json.arrayNode();
            int i = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(file, item, pointer + "/" + i, lines));
                i++;
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return json.textNode(value);
        }
        if (NULL.matcher(value).matches()) {
            return json.nullNode();
        }
        if (BOOLEAN.matcher(value).matches()) {
            return json.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
        }
        if (INTEGER.matcher(value).matches()) {
            try {
                return json.numberNode(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return json.textNode(value);
            }
        }
        if (FLOAT.matcher(value).matches()) {
            return json.numberNode(Double.parseDouble(value));
        }
        return json.textNode(value);
    }

    /** A JSON pointer segment for {@code key}. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** {@code /source/streams/orders/path} as {@code source.streams.orders.path}. */
    public static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String key = segment.replace("~1", "/").replace("~0", "~");
            if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
                out.append('[').append(key).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(key);
            }
        }
        return out.toString();
    }
}
