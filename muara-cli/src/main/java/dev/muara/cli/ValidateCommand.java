package dev.muara.cli;

import dev.muara.api.sink.SinkContext;
import dev.muara.api.source.SourceContext;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.StreamConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code muara validate pipeline.yaml}: checks a pipeline without reading or writing data. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a pipeline file (YAML, schema, connector options, transforms) without reading or writing data.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    MuaraCommand root;

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
    Path pipeline;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = PipelineFiles.load(root, pipeline);
        for (StreamConfig stream : config.streams()) {
            root.registry().source(config.source().type())
                    .create(new SourceContext(config.name(), stream.name(), config.baseDirectory()), stream.sourceOptions())
                    .close();
        }
        root.registry().sink(config.target().type()).create(new SinkContext(config.name(), config.baseDirectory()),
                config.target().options()).close();
        config.transforms().forEach(t -> root.registry().transform(t.type()).create(t.options()));
        System.out.println(pipeline + " is valid: " + config.name() + ", source " + config.source().type() + " → target "
                + config.target().type() + ", " + config.streams().size() + (config.streams().size() == 1 ? " stream (" : " streams (")
                + String.join(", ", config.streams().stream().map(s -> s.name() + " → " + s.target().table()
                        + " [" + s.target().write().word() + "]").toList()) + ")");
        return 0;
    }
}
