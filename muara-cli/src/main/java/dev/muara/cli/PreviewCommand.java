package dev.muara.cli;

import dev.muara.api.source.PlanContext;
import dev.muara.api.data.Batch;
import dev.muara.api.data.Field;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.core.config.PersonalData;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.StreamConfig;
import dev.muara.core.connector.SourceSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code muara preview pipeline.yaml}: the schema and first rows of each stream, loading nothing. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Shows each stream's schema and first rows after the transforms, as they would load. Loads nothing, changes no state.")
final class PreviewCommand implements Callable<Integer> {

    private static final int MAX_CELL = 40;

    @ParentCommand
    MuaraCommand root;

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
    Path pipeline;

    @Option(names = {"-n", "--rows"}, description = "Rows to show per stream (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int rows;

    @Option(names = "--stream", description = "Only this stream.")
    String stream;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = PipelineFiles.load(root, pipeline);
        List<Transform> transforms = config.transforms().stream()
                .map(t -> root.registry().transform(t.type())
                        .create(config.transformSetup(root.registry(), root.redactor), t.options())).toList();
        boolean any = false;
        for (StreamConfig s : config.streams()) {
            if (stream != null && !stream.equals(s.name())) {
                continue;
            }
            any = true;
            preview(config, s, transforms);
        }
        if (!any) {
            throw dev.muara.api.error.MuaraException.config("there is no stream called '" + stream + "'; streams: "
                    + String.join(", ", config.streams().stream().map(StreamConfig::name).toList()));
        }
        return 0;
    }

    private void preview(PipelineConfig config, StreamConfig s, List<Transform> transforms) throws Exception {
        var out = System.out;
        try (Source source = root.registry().source(config.source().type())
                .create(new SourceContext(config.name(), s.name(), config.baseDirectory()), s.sourceOptions())) {
            List<Split> splits = source.plan(PlanContext.FIRST_RUN);
            out.println("stream " + s.name() + " → " + config.target().type() + " table " + s.target().table()
                    + " (" + splits.size() + " " + root.registry().source(config.source().type()).splitNoun()
                    + (splits.size() == 1 ? "" : "s") + ")");
            if (splits.isEmpty()) {
                out.println("  no data");
                out.println();
                return;
            }
            List<String> rejects = new ArrayList<>();
            Batch batch = SourceSample.firstBatch(source, splits.get(0), s.name(), rows, record -> {
                RejectedRecord shown = config.personalData().fromSource(record);
                rejects.add(shown.location() + ": " + shown.reason());
            });
            if (batch == null) {
                out.println("  " + splits.get(0).id() + " holds no rows");
                out.println();
                return;
            }
            String split = splits.get(0).id();
            Batch shown = batch;
            if (!transforms.isEmpty()) {
                printSchema(out, "schema of " + split + " as read:", batch);
                out.println("  transforms, on these " + batch.rowCount() + " rows:");
                for (int t = 0; t < transforms.size(); t++) {
                    String type = config.transforms().get(t).type();
                    List<String> turnedAway = new ArrayList<>();
                    Map<String, Integer> childRows = new LinkedHashMap<>();
                    Batch input = shown;
                    shown = transforms.get(t).apply(input, new TransformContext() {
                        @Override
                        public String stream() {
                            return s.name();
                        }

                        @Override
                        public void reject(Batch rejectedFrom, int row, String reason) {
                            turnedAway.add(config.personalData().fromTransform(split, reason, rejectedFrom, row).reason());
                        }

                        @Override
                        public void emit(String childStream, Batch childBatch) {
                            childRows.merge(childStream, childBatch.rowCount(), Integer::sum);
                        }
                    });
                    StringBuilder children = new StringBuilder();
                    childRows.forEach((child, count) -> children.append(", ").append(count).append(" to ").append(child));
                    out.println("    " + (t + 1) + ". " + type + ": " + input.rowCount() + " → " + shown.rowCount() + " rows"
                            + children + (turnedAway.isEmpty() ? "" : ", " + turnedAway.size() + " rejected"));
                    turnedAway.forEach(reason -> rejects.add(split + ": " + reason));
                }
                out.println();
            }
            printSchema(out, "schema of " + split + (transforms.isEmpty() ? "" : " after the transforms") + ":", shown);
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r < Math.min(rows, shown.rowCount()); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < shown.schema().size(); c++) {
                    row.add(config.personalData().hides(shown.schema().field(c).name()) ? PersonalData.HIDDEN
                            : cell(shown.column(c).text(r)));
                }
                table.add(row);
            }
            Terminal.table(out, shown.schema().names(), table);
            rejects.forEach(r -> out.println("  rejected: " + r));
            out.println();
        }
    }

    private static void printSchema(java.io.PrintStream out, String title, Batch batch) {
        out.println("  " + title);
        for (Field field : batch.schema().fields()) {
            out.println("    " + field.name() + "  " + field.type());
        }
        out.println();
    }

    private static String cell(String text) {
        if (text == null) {
            return "∅";
        }
        String flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return flat.length() > MAX_CELL ? flat.substring(0, MAX_CELL - 1) + "…" : flat;
    }
}
