package dev.muara.core.config;

import dev.muara.api.Connector;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.WriteMode;
import dev.muara.core.connector.ConnectorRegistry;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Generates the configuration reference ({@code docs/configuration.md}) from the same option declarations as the
 * JSON Schema, so the two cannot disagree.
 */
public final class ReferenceDocs {

    private final ConnectorRegistry registry;

    public ReferenceDocs(ConnectorRegistry registry) {
        this.registry = registry;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n");
        out.append("<!-- Generated from the connectors' option declarations by `./muara docs --write docs`; do not edit by hand. "
                + "A test fails when this file and the code disagree. -->\n\n");
        out.append("A pipeline is a YAML file. Its JSON Schema is [pipeline.schema.json](pipeline.schema.json): point your editor at it ")
                .append("for completion and checks as you type. `muara validate pipeline.yaml` checks a file without running it.\n\n");
        out.append("Any value may be a secret reference: `${env:NAME}` (an environment variable) or `${file:/path}` (a file's ")
                .append("content; a relative path is taken from the pipeline's folder). `$${` writes a literal `${`. Resolved ")
                .append("secrets never appear in logs, errors, run records or `preview` output.\n\n");
        out.append("```yaml\nname: quickstart\nsource:\n  type: file\n  path: data/*.csv\ntransforms: []\ntarget:\n  type: duckdb\n")
                .append("  path: quickstart.duckdb\n  table: orders\n  write: merge\n  primary_key: [order_id]\nerrors:\n  max_rejects: 100\n```\n\n");

        out.append("## Top level\n\n");
        table(out, PipelineOptions.TOP);
        out.append("| `source` | mapping | | yes | The source: `type` and its options (see [Sources](#sources)). |\n");
        out.append("| `transforms` | list | `[]` | | Transforms applied in order to every batch (see [Transforms](#transforms)). |\n");
        out.append("| `target` | mapping | | yes | The target: `type` and its options (see [Targets](#targets)). |\n");
        out.append("| `errors` | mapping | | | See [errors](#errors). |\n");
        out.append("| `checkpoint` | mapping | | | See [checkpoint](#checkpoint). |\n");
        out.append("| `retry` | mapping | | | See [retry](#retry). |\n\n");

        out.append("### errors\n\n");
        table(out, PipelineOptions.ERRORS);
        out.append("\nRejected rows go to `<work_dir>/dead-letter/<run id>.ndjson`, one JSON object per row with the stream, ")
                .append("the location (`file:line`), the reason and the original text.\n\n");
        out.append("### checkpoint\n\n");
        table(out, PipelineOptions.CHECKPOINT);
        out.append("\nA checkpoint commits the data written so far together with the pipeline state (the position of every ")
                .append("split), in one transaction where the target allows it. A run that is killed resumes from its last ")
                .append("checkpoint and loads nothing twice.\n\n");

        out.append("### retry\n\n");
        table(out, PipelineOptions.RETRY);
        out.append("\nA fault is transient when the connector says so: a dropped connection, a deadlock, a serialization ")
                .append("failure. Wrong credentials, a missing table or bad data fail at once.\n\n");
        out.append("## Streams\n\n");
        out.append("A source feeds one stream (one table) unless it lists several under `streams:`, each a name mapped to the ")
                .append("options that differ for it. Options marked *per stream* below may be set there. Without `streams:`, ")
                .append("the stream is named after `target.table`, else after the source (for files: the first pattern's file ")
                .append("name), else after the pipeline.\n\n");
        out.append("```yaml\nsource:\n  type: file\n  streams:\n    orders: {path: \"data/orders-*.csv\"}\n")
                .append("    customers: {path: data/customers.ndjson, flatten: true}\ntarget:\n  type: duckdb\n  path: shop.duckdb\n")
                .append("  write: merge\n  tables:\n    orders: {primary_key: [order_id]}\n    customers: {primary_key: [customer_id]}\n```\n\n");
        out.append("`target.tables` maps a stream to its table settings: `table`, `write`, `primary_key` and the target's ")
                .append("per-stream options.\n\n");

        out.append("## Sources\n\n");
        registry.sources().forEach(c -> connector(out, "source", c, List.of()));
        out.append("## Targets\n\n");
        out.append("Every target takes these, at the top of `target:` or per stream under `target.tables.<stream>`:\n\n");
        table(out, PipelineOptions.TARGET);
        out.append('\n');
        registry.sinks().forEach(c -> connector(out, "target", c, List.of()));
        out.append("## Transforms\n\n");
        if (registry.transforms().isEmpty()) {
            out.append("No transforms are installed yet. A transform is a Java class implementing ")
                    .append("`dev.muara.api.transform.TransformConnector`, found on the class path or the plugin path.\n\n");
        }
        registry.transforms().forEach(c -> connector(out, "transform", c, List.of()));
        return out.toString();
    }

    private void connector(StringBuilder out, String kind, Connector connector, List<OptionSpec<?>> common) {
        out.append("### ").append(kind).append(" `").append(connector.type()).append("`\n\n");
        out.append(connector.description()).append("\n\n");
        if (connector instanceof SinkConnector sink) {
            out.append("Write modes: ").append(sink.writeModes().stream().map(WriteMode::word).sorted()
                    .collect(Collectors.joining(", "))).append(".\n\n");
        }
        table(out, connector.options());
        out.append('\n');
    }

    /**
     * Fills every {@code <!-- options: source postgres -->} ... {@code <!-- /options -->} block of a hand-written
     * page with the named connector's option table, so connector pages list every option and cannot drift.
     */
    public String fillOptionBlocks(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(<!-- options: (source|target|transform) ([a-z0-9_]+) -->\\n)(?s:.*?)(<!-- /options -->)")
                .matcher(page);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Connector connector = switch (m.group(2)) {
                case "source" -> registry.source(m.group(3));
                case "target" -> registry.sink(m.group(3));
                default -> registry.transform(m.group(3));
            };
            StringBuilder table = new StringBuilder();
            if (connector == null) {
                table.append("(no ").append(m.group(2)).append(' ').append(m.group(3)).append(" is installed)\n");
            } else {
                if (connector instanceof SinkConnector) {
                    table.append("Every target also takes `table`, `write`, `primary_key`, `schema_policy` and `load_columns`: see ")
                            .append("[the configuration reference](../configuration.md#targets).\n\n");
                }
                table(table, connector.options());
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void table(StringBuilder out, List<OptionSpec<?>> options) {
        out.append("| key | type | default | required | description |\n|---|---|---|---|---|\n");
        for (OptionSpec<?> spec : options) {
            String type = spec.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (!spec.allowed().isEmpty()) {
                type = String.join(" \\| ", spec.allowed());
            }
            String def = spec.defaultText() == null ? "" : "`" + spec.defaultText().replace("|", "\\|") + "`";
            out.append("| `").append(spec.key()).append("` | ").append(type).append(" | ").append(def).append(" | ")
                    .append(spec.isRequired() ? "yes" : "").append(" | ").append(spec.description().replace("|", "\\|"))
                    .append(spec.isPerStream() ? " *Per stream.*" : "").append(" |\n");
        }
    }
}
