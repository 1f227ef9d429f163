package dev.muara.cli;

import dev.muara.api.data.Batch;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.StreamConfig;
import dev.muara.core.connector.SourceSample;
import dev.muara.core.engine.TransformChain;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code muara validate pipeline.yaml}: checks a pipeline without loading data. Reads one row of each stream of a
 * bounded source, when there are transforms, for the columns they are checked against.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a pipeline file (YAML, schema, connector options, transforms) without loading data: "
                + "transforms are checked against the columns of a bounded source's first row.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    MuaraCommand root;

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
    Path pipeline;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = PipelineFiles.load(root, pipeline);
        TransformChain transforms = new TransformChain(config.transforms().stream()
                .map(t -> root.registry().transform(t.type())
                        .create(config.transformSetup(root.registry(), root.redactor), t.options())).toList());
        for (StreamConfig stream : config.streams()) {
            try (Source source = root.registry().source(config.source().type())
                    .create(new SourceContext(config.name(), stream.name(), config.baseDirectory()), stream.sourceOptions())) {
                if (!transforms.isEmpty() && source.boundedness() == Boundedness.BOUNDED) {
                    checkTransforms(source, stream, transforms);
                }
            }
        }
        root.registry().sink(config.target().type()).create(new SinkContext(config.name(), config.baseDirectory()),
                config.target().options()).close();
        System.out.println(pipeline + " is valid: " + config.name() + ", source " + config.source().type() + " → target "
                + config.target().type() + ", " + config.streams().size() + (config.streams().size() == 1 ? " stream (" : " streams (")
                + String.join(", ", config.streams().stream().map(s -> s.name() + " → " + s.target().table()
                        + " [" + s.target().write().word() + "]").toList()) + ")");
        return 0;
    }

    /**
     * Checks the transforms against the schema of the stream's first row, as the run will before it writes: a
     * missing column or an expression that does not type-check fails here. A source that cannot be reached now
     * only leaves this check to the run.
     */
    private static void checkTransforms(Source source, StreamConfig stream, TransformChain transforms) {
        Batch sample;
        try {
            List<Split> splits = source.plan(PlanContext.FIRST_RUN);
            sample = splits.isEmpty() ? null : SourceSample.firstBatch(source, splits.get(0), stream.name(), 1, r -> { });
        } catch (MuaraException e) {
            if (e.kind() == ErrorKind.CONFIG) {
                throw e;
            }
            System.out.println("stream " + stream.name() + ": transforms not checked against the source's columns ("
                    + e.getMessage() + ")");
            return;
        } catch (Exception e) {
            System.out.println("stream " + stream.name() + ": transforms not checked against the source's columns ("
                    + e.getMessage() + ")");
            return;
        }
        if (sample != null) {
            transforms.outputSchema(sample.schema());
        }
    }
}
