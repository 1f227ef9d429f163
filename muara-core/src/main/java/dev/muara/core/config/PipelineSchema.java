package dev.muara.core.config;

import dev.muara.api.Connector;
import dev.muara.api.data.DataType;
import dev.muara.api.option.OptionSpec;
import dev.muara.core.connector.ConnectorRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema of pipeline files from the installed connectors' option declarations. The schema in
 * {@code docs/pipeline.schema.json} is this output for the connectors that ship with Muara (a test keeps the two
 * equal); at run time the schema is generated again, so plugins are validated too.
 */
public final class PipelineSchema {

    /** Where the schema says it lives. */
    public static final String ID = "https://muara.dev/schemas/pipeline.schema.json";

    private static final String DURATION_PATTERN = "^[0-9]+ ?(ms|s|m|h)$";
    private static final String BYTES_PATTERN = "^[0-9]+ ?([kKmMgGtT]?[bB])?$";

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final ConnectorRegistry registry;

    public PipelineSchema(ConnectorRegistry registry) {
        this.registry = registry;
    }

    /** The schema as a JSON object. */
    public ObjectNode generate() {
        ObjectNode root = json.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "Muara pipeline");
        root.put("description", "A pipeline file: where data comes from (source), how it changes (transforms) and where it lands (target).");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        for (OptionSpec<?> spec : PipelineOptions.TOP) {
            properties.set(spec.key(), option(spec));
        }
        properties.putObject("source").put("$ref", "#/$defs/source");
        ObjectNode transforms = properties.putObject("transforms");
        transforms.put("description", "Transforms applied in order to every batch of every stream.");
        transforms.put("type", "array");
        transforms.putObject("items").put("$ref", "#/$defs/transform");
        properties.putObject("target").put("$ref", "#/$defs/target");
        properties.set("errors", block("What happens to rows that cannot be read or converted.", PipelineOptions.ERRORS));
        properties.set("checkpoint", block("When the engine commits what it has loaded, with the state.", PipelineOptions.CHECKPOINT));
        properties.set("retry", block("How a run meets transient faults: it tries again from its last checkpoint.", PipelineOptions.RETRY));
        root.putArray("required").add("name").add("source").add("target");
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        defs.set("source", dispatch("source", "Where data comes from.", registry.sources()));
        defs.set("target", dispatch("target", "Where data lands.", registry.sinks()));
        defs.set("transform", dispatch("transform", "A transform.", registry.transforms()));
        for (Connector c : registry.sources()) {
            ObjectNode source = connectorBlock(c.type(), c.description(), c.options(), List.of(), spec -> true);
            ObjectNode streams = source.withObject("properties").putObject("streams");
            streams.put("description", "Several streams (tables) from one source: stream name mapped to the options that differ for it.");
            streams.put("type", "object");
            streams.put("minProperties", 1);
            streams.putObject("propertyNames").put("pattern", "^[A-Za-z_][A-Za-z0-9_.-]*$");
            streams.putObject("additionalProperties").put("$ref", "#/$defs/source." + c.type() + ".stream");
            defs.set("source." + c.type(), source);
            defs.set("source." + c.type() + ".stream",
                    connectorBlock(null, "Options of one stream of a " + c.type() + " source.", c.options(), List.of(), OptionSpec::isPerStream));
        }
        for (Connector c : registry.sinks()) {
            ObjectNode target = connectorBlock(c.type(), c.description(), c.options(), PipelineOptions.TARGET, spec -> true);
            ObjectNode tables = target.withObject("properties").putObject("tables");
            tables.put("description", "Per-stream settings: stream name mapped to its table, write mode, key and target options.");
            tables.put("type", "object");
            tables.putObject("additionalProperties").put("$ref", "#/$defs/target." + c.type() + ".table");
            defs.set("target." + c.type(), target);
            defs.set("target." + c.type() + ".table",
                    connectorBlock(null, "Settings of one stream in a " + c.type() + " target.", c.options(), PipelineOptions.TARGET, OptionSpec::isPerStream));
        }
        for (Connector c : registry.transforms()) {
            defs.set("transform." + c.type(), connectorBlock(c.type(), c.description(), c.options(), List.of(), spec -> true));
        }
        return root;
    }

    private ObjectNode dispatch(String kind, String description, List<? extends Connector> connectors) {
        ObjectNode node = json.objectNode();
        node.put("description", description);
        node.put("type", "object");
        ObjectNode type = node.putObject("properties").putObject("type");
        type.put("description", "The " + kind + " connector type.");
        ArrayNode names = type.putArray("enum");
        connectors.forEach(c -> names.add(c.type()));
        node.putArray("required").add("type");
        ArrayNode all = node.putArray("allOf");
        for (Connector c : connectors) {
            ObjectNode rule = all.addObject();
            ObjectNode condition = rule.putObject("if");
            condition.putObject("properties").putObject("type").put("const", c.type());
            condition.putArray("required").add("type");
            rule.putObject("then").put("$ref", "#/$defs/" + kind + "." + c.type());
        }
        return node;
    }

    private ObjectNode connectorBlock(String type, String description, List<OptionSpec<?>> options,
            List<OptionSpec<?>> common, Predicate<OptionSpec<?>> include) {
        ObjectNode node = json.objectNode();
        node.put("description", description);
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        if (type != null) {
            properties.putObject("type").put("const", type);
        }
        List<OptionSpec<?>> all = new ArrayList<>(common);
        all.addAll(options);
        for (OptionSpec<?> spec : all) {
            if (include.test(spec)) {
                properties.set(spec.key(), option(spec));
            }
        }
        node.put("additionalProperties", false);
        return node;
    }

    private ObjectNode block(String description, List<OptionSpec<?>> options) {
        ObjectNode node = json.objectNode();
        node.put("description", description);
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        options.forEach(spec -> properties.set(spec.key(), option(spec)));
        node.put("additionalProperties", false);
        return node;
    }

    /** The schema of one option's value. */
    ObjectNode option(OptionSpec<?> spec) {
        ObjectNode node = json.objectNode();
        node.put("description", spec.description());
        switch (spec.type()) {
            case STRING, SECRET -> node.put("type", "string");
            case INTEGER -> {
                node.put("type", "integer");
                bounds(spec, node);
            }
            case NUMBER -> {
                node.put("type", "number");
                bounds(spec, node);
            }
            case BOOLEAN -> node.put("type", "boolean");
            case DURATION -> {
                node.putArray("type").add("string").add("integer");
                node.put("pattern", DURATION_PATTERN);
                node.put("title", "a duration such as 500ms, 10s, 5m or 1h (a bare number is milliseconds)");
            }
            case BYTES -> {
                node.putArray("type").add("string").add("integer");
                node.put("pattern", BYTES_PATTERN);
                node.put("title", "a size such as 512MB or 2GB (a bare number is bytes)");
            }
            case ENUM -> {
                ArrayNode values = node.putArray("enum");
                spec.allowed().forEach(values::add);
            }
            case STRING_LIST -> {
                node.putArray("type").add("string").add("array");
                node.putObject("items").put("type", "string");
            }
            case STRING_MAP -> {
                node.put("type", "object");
                node.putObject("additionalProperties").put("type", "string");
            }
            case COLUMN_TYPES -> {
                node.put("type", "object");
                ObjectNode column = node.putObject("additionalProperties");
                column.putArray("type").add("string").add("object");
                column.put("pattern", DataType.NAME_PATTERN);
                column.put("title", "a type (" + DataType.NAMES + "), or {type: ..., format: ...}");
                ObjectNode props = column.putObject("properties");
                ObjectNode typeNode = props.putObject("type");
                typeNode.put("type", "string");
                typeNode.put("pattern", DataType.NAME_PATTERN);
                typeNode.put("title", "a type: " + DataType.NAMES);
                props.putObject("format").put("type", "string");
                column.putArray("required").add("type");
                column.put("additionalProperties", false);
            }
            case SOURCE -> node.put("$ref", "#/$defs/source");
        }
        if (spec.defaultValue() != null) {
            Object value = spec.defaultValue();
            switch (spec.type()) {
                case INTEGER -> node.put("default", (Long) value);
                case NUMBER -> node.put("default", (Double) value);
                case BOOLEAN -> node.put("default", (Boolean) value);
                case STRING_LIST -> {
                    ArrayNode list = node.putArray("default");
                    ((List<?>) value).forEach(v -> list.add(v.toString()));
                }
                default -> node.put("default", spec.defaultText());
            }
        }
        if (spec.type() == dev.muara.api.option.OptionType.SECRET) {
            node.put("writeOnly", true);
        }
        return node;
    }

    private static void bounds(OptionSpec<?> spec, ObjectNode node) {
        if (spec.min() != null) {
            node.put("minimum", spec.min());
        }
        if (spec.max() != null) {
            node.put("maximum", spec.max());
        }
    }
}
