package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.PipelineLoader;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every YAML example of docs/transforms.md is a pipeline, or a transform chain, that Muara accepts: each block is
 * loaded as a pipeline (a chain alone gets a source and a target around it) and each of its transforms is made from
 * its options, which checks option names, types and values. The chain of examples/transforms runs in TransformsTest.
 */
class TransformDocsTest {

    private static final Pattern YAML = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** The file a lookup example names, with the key and the columns it takes as its header. */
    private void lookupFile(Options options) throws Exception {
        Map<String, OptionSpec<?>> specs = new HashMap<>();
        ConnectorRegistry.discover(getClass().getClassLoader()).transform("lookup").options()
                .forEach(spec -> specs.put(spec.key(), spec));
        List<String> header = new ArrayList<>();
        header.add((String) options.get(specs.get("key")));
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) options.get(specs.get("columns"));
        header.addAll(columns);
        Files.writeString(dir.resolve((String) options.get(specs.get("file"))), String.join(",", header) + "\n");
    }

    @Test
    void every_example_of_the_transforms_reference_is_accepted() throws Exception {
        String doc = Files.readString(Files2.projectRoot().resolve("docs/transforms.md"));
        ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
        PipelineLoader loader = new PipelineLoader(registry, name -> "a-test-secret-of-32-characters!!", new Redactor());
        List<String> checked = new ArrayList<>();
        Matcher block = YAML.matcher(doc);
        while (block.find()) {
            String yaml = block.group(1);
            String pipeline = yaml.contains("source:") ? yaml
                    : "name: example\nsource: {type: file, path: data.csv}\n" + yaml
                            + "target: {type: duckdb, path: example.duckdb}\n";
            Path file = Files.writeString(dir.resolve("example-" + checked.size() + ".yaml"), pipeline);
            PipelineConfig config = loader.load(file);
            for (PipelineConfig.ConnectorConfig t : config.transforms()) {
                if (t.type().equals("lookup")) {
                    lookupFile(t.options());
                }
                registry.transform(t.type()).create(config.transformSetup(), t.options());
            }
            checked.add(yaml);
        }
        assertThat(checked).as("YAML examples in docs/transforms.md").isNotEmpty()
                .hasSize(doc.split("```yaml", -1).length - 1);
    }
}
