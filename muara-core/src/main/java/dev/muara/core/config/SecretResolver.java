package dev.muara.core.config;

import dev.muara.core.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Replaces secret references in a pipeline's values: {@code ${env:NAME}} with an environment variable,
 * {@code ${file:/path}} with a file's content (trailing line breaks removed; a relative path is taken from the
 * pipeline's folder). {@code $${} writes a literal {@code ${}. Every resolved value is registered with the
 * {@link Redactor} and the value's place is remembered, so it is never shown.
 */
public final class SecretResolver {

    private static final int MAX_SECRET_FILE = 64 * 1024;

    private final Function<String, String> environment;
    private final Path baseDirectory;
    private final Redactor redactor;

    public SecretResolver(Function<String, String> environment, Path baseDirectory, Redactor redactor) {
        this.environment = environment;
        this.baseDirectory = baseDirectory;
        this.redactor = redactor;
    }

    /** Resolves every reference in {@code document}; returns it with the secret places recorded. */
    public YamlDocument resolve(YamlDocument document) {
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> secrets = new HashSet<>(document.secretPointers());
        JsonNode root = walk(document, document.root(), "", secrets, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new YamlDocument(document.file(), root, document.lines(), secrets);
    }

    private JsonNode walk(YamlDocument doc, JsonNode node, String pointer, Set<String> secrets,
            List<ConfigProblem> problems) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + YamlReader.escape(field.getKey());
                JsonNode value = walk(doc, field.getValue(), child, secrets, problems);
                if (value != field.getValue()) {
                    replaced.add(Map.entry(field.getKey(), value));
                }
            }
            replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = walk(doc, array.get(i), pointer + "/" + i, secrets, problems);
                if (value != array.get(i)) {
                    array.set(i, value);
                }
            }
            return array;
        }
        if (node.isString() && node.asString().contains("${")) {
            return resolveText(doc, node.asString(), pointer, secrets, problems);
        }
        return node;
    }

    private JsonNode resolveText(YamlDocument doc, String text, String pointer, Set<String> secrets,
            List<ConfigProblem> problems) {
        StringBuilder out = new StringBuilder();
        boolean secret = false;
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            if (start > 0 && text.charAt(start - 1) == '$') {
                out.append(text, i, start - 1).append("${");
                i = start + 2;
                continue;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                problems.add(problem(doc, pointer, "a reference '${' is not closed with '}'"));
                return StringNode.valueOf(text);
            }
            out.append(text, i, start);
            String reference = text.substring(start + 2, end);
            String value = lookUp(doc, reference, pointer, problems);
            if (value == null) {
                return StringNode.valueOf("");
            }
            redactor.register(value);
            out.append(value);
            secret = true;
            i = end + 1;
        }
        if (secret) {
            secrets.add(pointer);
        }
        return StringNode.valueOf(out.toString());
    }

    private String lookUp(YamlDocument doc, String reference, String pointer, List<ConfigProblem> problems) {
        int colon = reference.indexOf(':');
        String scheme = colon < 0 ? "" : reference.substring(0, colon);
        String name = colon < 0 ? reference : reference.substring(colon + 1);
        switch (scheme) {
            case "env" -> {
                String value = environment.apply(name);
                if (value == null) {
                    problems.add(problem(doc, pointer, "the environment variable " + name + " is not set"));
                }
                return value;
            }
            case "file" -> {
                Path path = baseDirectory.resolve(name);
                try {
                    if (Files.size(path) > MAX_SECRET_FILE) {
                        problems.add(problem(doc, pointer, "the secret file " + name + " is larger than 64 KiB"));
                        return null;
                    }
                    return Files.readString(path).replaceAll("[\\r\\n]+$", "");
                } catch (IOException e) {
                    problems.add(problem(doc, pointer, "cannot read the secret file " + name + " (" + e.getClass().getSimpleName() + ")"));
                    return null;
                }
            }
            default -> {
                problems.add(problem(doc, pointer, "'${" + reference + "}' is not a reference Muara knows; write ${env:NAME} or ${file:/path} (or $${ for a literal ${)"));
                return null;
            }
        }
    }

    private static ConfigProblem problem(YamlDocument doc, String pointer, String message) {
        return new ConfigProblem(doc.file(), doc.lineOf(pointer), YamlReader.dotted(pointer), message);
    }
}
