package dev.muara.cli;

import dev.muara.api.source.PlanContext;
import dev.muara.api.data.Batch;
import dev.muara.api.data.Field;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.transform.TransformContext;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.StreamConfig;
import dev.muara.core.engine.TransformChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        TransformChain transforms = new TransformChain(config.transforms().stream()
                .map(t -> root.registry().transform(t.type()).create(t.options())).toList());
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

    private void preview(PipelineConfig config, StreamConfig s, TransformChain transforms) throws Exception {
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
            Batch batch = SourceSample.firstBatch(source, splits.get(0), s.name(), rows, rejects::add);
            if (batch == null) {
                out.println("  " + splits.get(0).id() + " holds no rows");
                out.println();
                return;
            }
            TransformContext transformContext = new TransformContext() {
                @Override
                public String stream() {
                    return s.name();
                }

                @Override
                public void reject(Batch input, int row, String reason) {
                    rejects.add("row " + (row + 1) + ": " + reason);
                }
            };
            Batch shown = transforms.isEmpty() ? batch : transforms.apply(batch, transformContext);
            out.println("  schema of " + splits.get(0).id() + (transforms.isEmpty() ? "" : " after " + config.transforms().size() + " transforms") + ":");
            for (Field field : shown.schema().fields()) {
                out.println("    " + field.name() + "  " + field.type());
            }
            out.println();
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r < Math.min(rows, shown.rowCount()); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < shown.schema().size(); c++) {
                    row.add(cell(shown.column(c).text(r)));
                }
                table.add(row);
            }
            Terminal.table(out, shown.schema().names(), table);
            rejects.forEach(r -> out.println("  rejected: " + r));
            out.println();
        }
    }

    private static String cell(String text) {
        if (text == null) {
            return "∅";
        }
        String flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return flat.length() > MAX_CELL ? flat.substring(0, MAX_CELL - 1) + "…" : flat;
    }
}
