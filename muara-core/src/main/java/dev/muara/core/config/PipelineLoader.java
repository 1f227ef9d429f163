package dev.muara.core.config;

import dev.muara.api.Connector;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.OptionType;
import dev.muara.api.option.Options;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.source.SourceConfig;
import dev.muara.api.source.SourceConnector;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a pipeline file into a {@link PipelineConfig}: YAML with line numbers, secret references resolved, the
 * JSON Schema checked, then the checks a schema cannot make (every stream has its required options, merge has a
 * key, the target can do the write mode). Every problem found is reported at once.
 */
public final class PipelineLoader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final ConnectorRegistry registry;
    private final Function<String, String> environment;
    private final Redactor redactor;
    private final SchemaValidator validator;

    public PipelineLoader(ConnectorRegistry registry, Function<String, String> environment, Redactor redactor) {
        this.registry = registry;
        this.environment = environment;
        this.redactor = redactor;
        this.validator = new SchemaValidator(new PipelineSchema(registry).generate());
    }

    /** Loads and validates the pipeline in {@code file}. */
    public PipelineConfig load(Path file) {
        String shown = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(new ConfigProblem(shown, 0, "", "no such file"));
        } catch (MalformedInputException e) {
            throw new InvalidConfigException(new ConfigProblem(shown, 0, "", "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new InvalidConfigException(new ConfigProblem(shown, 0, "", "cannot read the file: " + e.getMessage()));
        }
        Path base = file.toAbsolutePath().getParent();
        return load(shown, text, base);
    }

    /** Loads and validates a pipeline given as text; {@code base} is the folder relative paths resolve from. */
    public PipelineConfig load(String fileName, String text, Path base) {
        YamlDocument doc = new YamlReader().read(fileName, text);
        if (!doc.root().isObject()) {
            throw new InvalidConfigException(new ConfigProblem(fileName, 1, "", "expected a mapping with name, source and target"));
        }
        doc = new SecretResolver(environment, base, redactor).resolve(doc);
        List<ConfigProblem> problems = validator.validate(doc);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new Builder(doc, base).build();
    }

    private final class Builder {
        final YamlDocument doc;
        final Path base;
        final List<ConfigProblem> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        TargetSettings targets;

        Builder(YamlDocument doc, Path base) {
            this.doc = doc;
            this.base = base;
        }

        PipelineConfig build() {
            JsonNode root = doc.root();
            String name = root.get("name").asString();
            if (!NAME.matcher(name).matches()) {
                problem("/name", "expected letters, digits, '_', '.' and '-' (at most 128, not starting with '.' or '-')");
            }
            JsonNode sourceNode = root.get("source");
            JsonNode targetNode = root.get("target");
            SourceConnector sourceConnector = registry.source(sourceNode.get("type").asString());
            SinkConnector sinkConnector = registry.sink(targetNode.get("type").asString());

            Map<String, Object> sourceBase = values(sourceConnector, sourceConnector.options(), sourceNode, "/source",
                    Set.of("type", "streams"));
            Map<String, Object> targetBase = values(sinkConnector, allTargetOptions(sinkConnector), targetNode,
                    "/target", Set.of("type", "tables"));

            List<PipelineConfig.ConnectorConfig> transforms = new ArrayList<>();
            Set<String> protectedColumns = new java.util.HashSet<>();
            JsonNode transformsNode = root.get("transforms");
            if (transformsNode != null && !transformsNode.isNull()) {
                for (int i = 0; i < transformsNode.size(); i++) {
                    JsonNode t = transformsNode.get(i);
                    Connector connector = registry.transform(t.get("type").asString());
                    String pointer = "/transforms/" + i;
                    Map<String, Object> values = values(connector, connector.options(), t, pointer, Set.of("type"));
                    requireAll(connector.options(), values, pointer, "transform '" + connector.type() + "'", "");
                    Options transformOptions = options("transform '" + connector.type() + "'", values, pointer);
                    transforms.add(new PipelineConfig.ConnectorConfig(connector.type(), transformOptions));
                    if (problems.isEmpty()) {
                        protectedColumns.addAll(registry.transform(connector.type()).protectedColumns(transformOptions));
                    }
                }
            }

            List<StreamConfig> streams = streams(name, sourceConnector, sinkConnector, sourceNode, targetNode,
                    sourceBase, targetBase);

            JsonNode errors = root.get("errors");
            long maxRejects = errors != null && errors.has("max_rejects") ? errors.get("max_rejects").asLong()
                    : PipelineOptions.MAX_REJECTS.defaultValue();
            Double maxRatio = errors != null && errors.has("max_reject_ratio") ? errors.get("max_reject_ratio").asDouble() : null;
            JsonNode checkpoint = root.get("checkpoint");
            long rows = checkpoint != null && checkpoint.has("rows") ? checkpoint.get("rows").asLong()
                    : PipelineOptions.CHECKPOINT_ROWS.defaultValue();
            Duration interval = null;
            if (checkpoint != null && checkpoint.has("interval")) {
                try {
                    interval = OptionValues.duration(checkpoint.get("interval"));
                } catch (IllegalArgumentException e) {
                    problem("/checkpoint/interval", e.getMessage());
                }
            }
            int parallelism = root.has("parallelism") ? root.get("parallelism").asInt()
                    : Runtime.getRuntime().availableProcessors();
            int batchRows = root.has("batch_rows") ? root.get("batch_rows").asInt()
                    : PipelineOptions.BATCH_ROWS.defaultValue().intValue();
            Path work = root.has("work_dir") ? base.resolve(root.get("work_dir").asString())
                    : base.resolve(".muara").resolve(name);
            JsonNode retryNode = root.get("retry");
            PipelineConfig.Retry retry = new PipelineConfig.Retry(
                    retryNode != null && retryNode.has("attempts") ? retryNode.get("attempts").asInt()
                            : PipelineOptions.RETRY_ATTEMPTS.defaultValue().intValue(),
                    duration(retryNode, "backoff", PipelineOptions.RETRY_BACKOFF.defaultValue()),
                    duration(retryNode, "max_backoff", PipelineOptions.RETRY_MAX_BACKOFF.defaultValue()));

            Options targetOptions = options("target '" + sinkConnector.type() + "'", targetBase, "/target");
            PersonalData personalData = new PersonalData(personalDataColumns(root.get("pii")), protectedColumns);
            if (problems.isEmpty() && !sinkConnector.keepsDataLocal(targetOptions)) {
                for (String column : personalData.unprotected()) {
                    problem("/pii", "column '" + column + "' is marked as personal data but would reach target '"
                            + sinkConnector.type() + "' in clear, and that target sends data off this machine; protect "
                            + "it with a transform ({type: hash, columns: [" + column + "], key: ${env:PII_KEY}}, or "
                            + "mask, redact, drop)");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
            return new PipelineConfig(base.resolve(doc.file()).normalize(), name, base, work.normalize(),
                    new PipelineConfig.ConnectorConfig(sourceConnector.type(), options("source '" + sourceConnector.type() + "'", sourceBase, "/source")),
                    new PipelineConfig.ConnectorConfig(sinkConnector.type(), targetOptions),
                    transforms, streams, targets, maxRejects, maxRatio, rows, interval, parallelism, batchRows, retry, warnings,
                    personalData);
        }

        private static List<String> personalDataColumns(JsonNode node) {
            List<String> columns = new ArrayList<>();
            if (node != null && node.isArray()) {
                node.forEach(item -> columns.add(item.asString()));
            } else if (node != null && !node.isNull()) {
                columns.add(node.asString());
            }
            return columns;
        }

        private Duration duration(JsonNode block, String key, Duration fallback) {
            if (block == null || !block.has(key)) {
                return fallback;
            }
            try {
                return OptionValues.duration(block.get(key));
            } catch (IllegalArgumentException e) {
                problem("/retry/" + key, e.getMessage());
                return fallback;
            }
        }

        private List<StreamConfig> streams(String pipeline, SourceConnector source, SinkConnector sink,
                JsonNode sourceNode, JsonNode targetNode, Map<String, Object> sourceBase,
                Map<String, Object> targetBase) {
            Map<String, Map<String, Object>> sourceByStream = new LinkedHashMap<>();
            Map<String, String> streamPointer = new HashMap<>();
            JsonNode streamsNode = sourceNode.get("streams");
            String sourceOwner = "source '" + source.type() + "'";
            if (streamsNode != null && !streamsNode.isNull()) {
                for (Map.Entry<String, JsonNode> e : streamsNode.properties()) {
                    String pointer = "/source/streams/" + YamlReader.escape(e.getKey());
                    Map<String, Object> merged = new LinkedHashMap<>(sourceBase);
                    merged.putAll(values(source, source.options(), e.getValue(), pointer, Set.of()));
                    sourceByStream.put(e.getKey(), merged);
                    streamPointer.put(e.getKey(), pointer);
                }
            } else {
                String name = defaultStreamName(pipeline, source, sourceBase, targetBase);
                sourceByStream.put(name, sourceBase);
                streamPointer.put(name, "/source");
            }
            boolean discovers = sourceByStream.entrySet().stream().anyMatch(e -> source.discoversStreams(
                    options(sourceOwner, e.getValue(), streamPointer.get(e.getKey()))));
            // a source that knows its keys fills primary_key for merge at run time
            boolean keysLater = discovers || source.knowsPrimaryKeys();

            JsonNode tablesNode = targetNode.get("tables");
            Map<String, Map<String, Object>> targetOverrides = new LinkedHashMap<>();
            Map<String, Map<String, String>> overrideLocations = new HashMap<>();
            Map<String, String> overrideBlocks = new HashMap<>();
            if (tablesNode != null && !tablesNode.isNull()) {
                for (Map.Entry<String, JsonNode> e : tablesNode.properties()) {
                    String pointer = "/target/tables/" + YamlReader.escape(e.getKey());
                    if (!discovers && !sourceByStream.containsKey(e.getKey())) {
                        problem(pointer, "there is no stream called '" + e.getKey() + "'"
                                + Suggestions.hint(e.getKey(), sourceByStream.keySet()) + "; streams: "
                                + String.join(", ", sourceByStream.keySet()));
                        continue;
                    }
                    Map<String, Object> values = values(sink, allTargetOptions(sink), e.getValue(), pointer, Set.of());
                    targetOverrides.put(e.getKey(), values);
                    overrideLocations.put(e.getKey(), locations(values, pointer));
                    overrideBlocks.put(e.getKey(), doc.file() + ":" + doc.lineOf(pointer));
                }
            }
            if ((sourceByStream.size() > 1 || discovers) && targetBase.containsKey(PipelineOptions.TABLE.key())) {
                problem("/target/table", "one table for several streams; name each stream's table under target.tables, "
                        + "or leave it out to use the stream names");
            }
            targets = new TargetSettings("target '" + sink.type() + "'", targetBase, locations(targetBase, "/target"),
                    doc.file() + ":" + doc.lineOf("/target"), targetOverrides, overrideLocations, overrideBlocks);

            for (Map.Entry<String, Map<String, Object>> e : targetOverrides.entrySet()) {
                checkTarget(sink, e.getKey(), targets.forStream(e.getKey(), List.of()), "/target/tables/"
                        + YamlReader.escape(e.getKey()), keysLater, sourceByStream.size() > 1);
            }
            List<StreamConfig> streams = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : sourceByStream.entrySet()) {
                String stream = e.getKey();
                String pointer = streamPointer.get(stream);
                requireAll(source.options(), e.getValue(), pointer, sourceOwner, stream);
                StreamSettings settings = targets.forStream(stream, List.of());
                if (!targetOverrides.containsKey(stream)) {
                    checkTarget(sink, stream, settings, "/target", keysLater, sourceByStream.size() > 1);
                }
                streams.add(new StreamConfig(stream, options(sourceOwner, e.getValue(), pointer), settings));
            }
            return streams;
        }

        /** The checks of one stream's target settings that a schema cannot make. */
        private void checkTarget(SinkConnector sink, String stream, StreamSettings settings, String pointer,
                boolean keysLater, boolean several) {
            StreamTarget target = settings.target();
            Map<String, Object> required = new LinkedHashMap<>();
            for (var spec : sink.options()) {
                if (target.options().isSet(spec)) {
                    required.put(spec.key(), Boolean.TRUE);
                }
            }
            requireAll(sink.options(), required, pointer, "target '" + sink.type() + "'", stream);
            // a source that finds its tables may know their keys; the engine checks merge keys then
            if (target.write() == WriteMode.MERGE && target.primaryKey().isEmpty() && !keysLater) {
                problem(pointer + "/write", "write: merge needs primary_key (the columns that identify a row)"
                        + (several ? " for stream '" + stream + "'" : ""));
            }
            if (!sink.writeModes().contains(target.write())) {
                problem(pointer + "/write", "target '" + sink.type() + "' cannot " + target.write().word()
                        + "; it can: " + String.join(", ", sink.writeModes().stream().map(WriteMode::word).sorted().toList()));
            }
        }

        private Map<String, String> locations(Map<String, Object> values, String pointer) {
            Map<String, String> locations = new HashMap<>();
            for (String key : values.keySet()) {
                locations.put(key, doc.file() + ":" + doc.lineOf(pointer + "/" + YamlReader.escape(key)));
            }
            return locations;
        }

        private String defaultStreamName(String pipeline, SourceConnector source, Map<String, Object> sourceBase,
                Map<String, Object> targetBase) {
            Object table = targetBase.get(PipelineOptions.TABLE.key());
            if (table != null) {
                return sanitize((String) table);
            }
            String derived = source.defaultStreamName(options("source '" + source.type() + "'", sourceBase, "/source"));
            return derived != null && !derived.isBlank() ? sanitize(derived) : sanitize(pipeline);
        }

        private static String sanitize(String name) {
            String cleaned = name.replaceAll("[^A-Za-z0-9_.]", "_");
            return cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
        }

        private List<OptionSpec<?>> allTargetOptions(SinkConnector sink) {
            List<OptionSpec<?>> all = new ArrayList<>(PipelineOptions.TARGET);
            all.addAll(sink.options());
            return all;
        }

        private Map<String, Object> values(Connector connector, List<OptionSpec<?>> specs, JsonNode block,
                String pointer, Set<String> skip) {
            Map<String, OptionSpec<?>> byKey = new HashMap<>();
            specs.forEach(s -> byKey.put(s.key(), s));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : block.properties()) {
                if (skip.contains(e.getKey()) || e.getValue().isNull()) {
                    continue;
                }
                OptionSpec<?> spec = byKey.get(e.getKey());
                String child = pointer + "/" + YamlReader.escape(e.getKey());
                if (spec == null) {
                    continue;
                }
                try {
                    values.put(spec.key(), spec.type() == OptionType.SOURCE ? source(e.getValue(), child)
                            : OptionValues.convert(spec, e.getValue()));
                } catch (IllegalArgumentException bad) {
                    problem(child, bad.getMessage());
                }
                if (spec.type() == OptionType.SECRET && !doc.isSecret(child)) {
                    warnings.add(doc.file() + ":" + doc.lineOf(child) + ": " + YamlReader.dotted(child)
                            + " is written in clear in the pipeline file; write ${env:NAME} or ${file:/path} instead");
                }
            }
            return values;
        }

        /**
         * A source written inside a block's options (a lookup table): its options read and checked as the pipeline's
         * source's are, secret references included; it reads one stream.
         */
        private SourceConfig source(JsonNode block, String pointer) {
            SourceConnector connector = registry.source(block.get("type").asString());
            String owner = "source '" + connector.type() + "'";
            if (block.has("streams")) {
                problem(pointer + "/streams", owner + " here reads one stream; leave out streams");
            }
            Map<String, Object> values = values(connector, connector.options(), block, pointer, Set.of("type", "streams"));
            requireAll(connector.options(), values, pointer, owner, "");
            Options options = options(owner, values, pointer);
            if (connector.discoversStreams(options)) {
                problem(pointer, owner + " here reads one stream, and these options name several (a list of tables, a "
                        + "pattern); name one table, or write a query");
            }
            return new SourceConfig(connector.type(), options);
        }

        private void requireAll(List<OptionSpec<?>> specs, Map<String, Object> values, String pointer, String owner,
                String stream) {
            for (OptionSpec<?> spec : specs) {
                if (spec.isRequired() && !values.containsKey(spec.key())) {
                    problem(pointer, owner + " needs '" + spec.key() + "'"
                            + (stream.isEmpty() || pointer.contains("/streams/") ? "" : " (for stream '" + stream + "')")
                            + " — " + spec.description());
                }
            }
        }

        private Options options(String owner, Map<String, Object> values, String pointer) {
            return new Options(owner, values, locations(values, pointer), doc.file() + ":" + doc.lineOf(pointer));
        }

        private void problem(String pointer, String message) {
            problems.add(new ConfigProblem(doc.file(), doc.lineOf(pointer), YamlReader.dotted(pointer), message));
        }
    }

    /** The JSON Schema this loader validates against. */
    public ObjectNode schema() {
        return new PipelineSchema(registry).generate();
    }
}
