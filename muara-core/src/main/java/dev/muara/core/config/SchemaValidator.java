package dev.muara.core.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a pipeline document against the generated JSON Schema and turns the validator's findings into
 * messages a user can act on: the file and line, the key, what was found and what was expected, and a likely
 * correction for a typo. Values that came from secrets are never repeated.
 */
public final class SchemaValidator {

    private final ObjectNode schemaNode;
    private final Schema schema;

    public SchemaValidator(ObjectNode schemaNode) {
        this.schemaNode = schemaNode;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    /** Every problem in {@code document}, sorted by line; empty when it is valid. */
    public List<ConfigProblem> validate(YamlDocument document) {
        List<Error> errors = schema.validate(document.root());
        Set<ConfigProblem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            ConfigProblem problem = describe(document, error);
            if (problem != null) {
                problems.add(problem);
            }
        }
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparing(ConfigProblem::key));
        return sorted;
    }

    private ConfigProblem describe(YamlDocument doc, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode at = schemaAt(error.getSchemaLocation().getFragment());
        JsonNode parent = schemaParent(error.getSchemaLocation().getFragment());
        JsonNode instance = error.getInstanceNode();
        boolean secret = doc.isSecret(pointer);
        switch (keyword) {
            case "additionalProperties" -> {
                String key = error.getProperty();
                String child = pointer + "/" + YamlReader.escape(key);
                List<String> known = new ArrayList<>();
                if (parent != null && parent.has("properties")) {
                    parent.get("properties").propertyNames().forEach(known::add);
                }
                return problem(doc, child, "unknown key" + owner(doc, pointer) + Suggestions.hint(key, known)
                        + "; expected one of: " + String.join(", ", known));
            }
            case "required" -> {
                String key = error.getProperty();
                return problem(doc, pointer + "/" + YamlReader.escape(key), "is required" + owner(doc, pointer)
                        + " but missing");
            }
            case "type" -> {
                String expected = at == null ? "another type" : expectedTypes(at);
                return problem(doc, pointer, "expected " + expected + ", found " + describeValue(instance, secret));
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                if (at != null) {
                    at.forEach(v -> allowed.add(v.asString()));
                }
                String value = instance == null ? "" : instance.asString();
                if (pointer.endsWith("/type")) {
                    // a transform's option may hold a source of its own (a lookup's source:)
                    String kind = pointer.startsWith("/source") || pointer.endsWith("/source/type") ? "source"
                            : pointer.startsWith("/transforms") ? "transform" : "target";
                    return problem(doc, pointer, "unknown " + kind + " type '" + value + "'" + Suggestions.hint(value, allowed)
                            + "; installed " + kind + " types: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
                }
                return problem(doc, pointer, (secret ? "the value" : "'" + value + "'") + " is not allowed"
                        + Suggestions.hint(value, allowed) + "; expected one of: " + String.join(", ", allowed));
            }
            case "pattern" -> {
                String expected = parent != null && parent.has("title") ? parent.get("title").asString() : "another form";
                return problem(doc, pointer, "expected " + expected + ", found " + describeValue(instance, secret));
            }
            case "minimum", "maximum" -> {
                String bound = at == null ? "" : at.asString();
                return problem(doc, pointer, "expected a value " + (keyword.equals("minimum") ? "of at least " : "of at most ")
                        + bound + ", found " + describeValue(instance, secret));
            }
            case "minProperties" -> {
                return problem(doc, pointer, "expected at least one entry");
            }
            case "propertyNames", "pattern.propertyNames" -> {
                return problem(doc, pointer, "names here are letters, digits, '_', '.' and '-', starting with a letter or '_'");
            }
            case "const", "if", "then", "allOf", "$ref" -> {
                return null;
            }
            default -> {
                return problem(doc, pointer, secret ? "invalid value" : error.getMessage());
            }
        }
    }

    private static String owner(YamlDocument doc, String pointer) {
        String[] parts = pointer.split("/");
        if (pointer.isEmpty()) {
            return " at the top of a pipeline";
        }
        JsonNode node = doc.root().at(pointer.startsWith("/source") ? "/source/type"
                : pointer.startsWith("/target") ? "/target/type" : pointer + "/type");
        String type = node.isMissingNode() || !node.isString() ? null : node.asString();
        String kind = parts[1];
        if (kind.equals("source") || kind.equals("target") || kind.equals("transforms")) {
            String noun = pointer.endsWith("/source") ? "source" : kind.equals("transforms") ? "transform" : kind;
            return type == null ? " in " + YamlReader.dotted(pointer) : " for " + noun + " type '" + type + "'";
        }
        return " in " + YamlReader.dotted(pointer);
    }

    private static ConfigProblem problem(YamlDocument doc, String pointer, String message) {
        return new ConfigProblem(doc.file(), doc.lineOf(pointer), YamlReader.dotted(pointer), message);
    }

    private static String describeValue(JsonNode node, boolean secret) {
        if (node == null) {
            return "nothing";
        }
        String kind = switch (node.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> node.isIntegralNumber() ? "a whole number" : "a number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case NULL -> "nothing (null)";
            default -> "a value";
        };
        if (secret || node.isContainer() || node.isNull()) {
            return kind;
        }
        String text = node.asString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return kind + " '" + text + "'";
    }

    private static String expectedTypes(JsonNode typeNode) {
        List<String> names = new ArrayList<>();
        if (typeNode.isArray()) {
            typeNode.forEach(t -> names.add(typeName(t.asString())));
        } else {
            names.add(typeName(typeNode.asString()));
        }
        return String.join(" or ", names);
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a mapping";
            default -> jsonType;
        };
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(YamlReader.escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    private JsonNode schemaAt(NodePath fragment) {
        JsonNode node = schemaNode;
        for (int i = 0; i < fragment.getNameCount() && node != null; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node;
    }

    private JsonNode schemaParent(NodePath fragment) {
        return fragment.getNameCount() == 0 ? schemaNode : schemaAt(fragment.getParent());
    }
}
