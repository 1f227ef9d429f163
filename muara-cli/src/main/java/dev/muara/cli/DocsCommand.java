package dev.muara.cli;

import dev.muara.core.config.PipelineSchema;
import dev.muara.core.config.ReferenceDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code muara docs --write docs}: regenerates the pipeline JSON Schema and the configuration reference. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Writes pipeline.schema.json and configuration.md for the installed connectors.")
final class DocsCommand implements Callable<Integer> {

    @picocli.CommandLine.ParentCommand
    MuaraCommand root;

    @Option(names = "--write", paramLabel = "DIR", required = true, description = "The folder to write into (docs).")
    Path directory;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("pipeline.schema.json"), schemaJson(root));
        ReferenceDocs docs = new ReferenceDocs(root.registry());
        Files.writeString(directory.resolve("configuration.md"), docs.markdown());
        Path connectors = directory.resolve("connectors");
        if (Files.isDirectory(connectors)) {
            try (var pages = Files.list(connectors)) {
                for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                    Files.writeString(page, docs.fillOptionBlocks(Files.readString(page)));
                }
            }
        }
        System.out.println("wrote " + directory.resolve("pipeline.schema.json") + ", " + directory.resolve("configuration.md")
                + " and the option tables of " + connectors);
        return 0;
    }

    static String schemaJson(MuaraCommand root) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(new PipelineSchema(root.registry()).generate()) + "\n";
    }
}
