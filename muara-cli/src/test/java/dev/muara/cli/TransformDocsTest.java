package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.SourceConfig;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.PipelineLoader;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
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
    /** A whole pipeline, not a chain alone: a lookup's source is further in. */
    private static final Pattern PIPELINE = Pattern.compile("^source:", Pattern.MULTILINE);

    @TempDir
    Path dir;

    /**
     * What a lookup example reads, with the key and the columns it takes: the file, with them as its header, or the
     * SQLite table of its source, with them as its columns and one row (a table without rows is refused).
     */
    private void lookupData(ConnectorRegistry registry, Options options) throws Exception {
        Map<String, OptionSpec<?>> specs = specs(registry.transform("lookup").options());
        List<String> header = new ArrayList<>();
        header.add((String) options.get(specs.get("key")));
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) options.get(specs.get("columns"));
        header.addAll(columns);
        if (options.get(specs.get("source")) instanceof SourceConfig source) {
            assertThat(source.type()).as("a lookup source the example test can create").isEqualTo("sqlite");
            Map<String, OptionSpec<?>> sqlite = specs(registry.source("sqlite").options());
            @SuppressWarnings("unchecked")
            String table = ((List<String>) source.options().get(sqlite.get("tables"))).get(0);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve((String) source.options()
                    .get(sqlite.get("path")))); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (" + String.join(" TEXT, ", header) + " TEXT)");
                s.execute("INSERT INTO " + table + " VALUES (" + String.join(", ", Collections.nCopies(header.size(), "'x'"))
                        + ")");
            }
            return;
        }
        Files.writeString(dir.resolve((String) options.get(specs.get("file"))), String.join(",", header) + "\n");
    }

    private static Map<String, OptionSpec<?>> specs(List<OptionSpec<?>> options) {
        Map<String, OptionSpec<?>> specs = new HashMap<>();
        options.forEach(spec -> specs.put(spec.key(), spec));
        return specs;
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
            String pipeline = PIPELINE.matcher(yaml).find() ? yaml
                    : "name: example\nsource: {type: file, path: data.csv}\n" + yaml
                            + "target: {type: duckdb, path: example.duckdb}\n";
            Path file = Files.writeString(dir.resolve("example-" + checked.size() + ".yaml"), pipeline);
            PipelineConfig config = loader.load(file);
            for (PipelineConfig.ConnectorConfig t : config.transforms()) {
                if (t.type().equals("lookup")) {
                    lookupData(registry, t.options());
                }
                registry.transform(t.type()).create(config.transformSetup(registry, new Redactor()), t.options());
            }
            checked.add(yaml);
        }
        assertThat(checked).as("YAML examples in docs/transforms.md").isNotEmpty()
                .hasSize(doc.split("```yaml", -1).length - 1);
    }
}
