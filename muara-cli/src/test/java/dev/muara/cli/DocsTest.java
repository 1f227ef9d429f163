package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.core.config.ReferenceDocs;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema and configuration reference are what the code generates: docs cannot drift. */
class DocsTest {

    private static final String REGENERATE = "regenerate them with: ./muara docs --write docs";

    @Test
    void the_pipeline_schema_in_docs_is_the_one_the_code_validates_with() throws Exception {
        Path docs = Files2.projectRoot().resolve("docs");
        String generated = DocsCommand.schemaJson(new MuaraCommand(new Redactor(), false));
        assertThat(Files.readString(docs.resolve("pipeline.schema.json"))).as(REGENERATE).isEqualTo(generated);
    }

    @Test
    void the_configuration_reference_in_docs_lists_every_key() throws Exception {
        Path docs = Files2.projectRoot().resolve("docs");
        String generated = new ReferenceDocs(ConnectorRegistry.discover(getClass().getClassLoader())).markdown();
        assertThat(Files.readString(docs.resolve("configuration.md"))).as(REGENERATE).isEqualTo(generated);
    }

    @Test
    void every_connector_has_a_page_listing_its_options() throws Exception {
        Path pages = Files2.projectRoot().resolve("docs/connectors");
        ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
        ReferenceDocs docs = new ReferenceDocs(registry);
        java.util.Set<String> types = new java.util.TreeSet<>();
        registry.sources().forEach(c -> types.add(c.type()));
        registry.sinks().forEach(c -> types.add(c.type()));
        for (String type : types) {
            Path page = pages.resolve(type + ".md");
            assertThat(page).as("docs/connectors/" + type + ".md").exists();
            String text = Files.readString(page);
            assertThat(docs.fillOptionBlocks(text)).as(REGENERATE).isEqualTo(text);
            assertThat(text).as(type + " page has an example pipeline").contains("```yaml");
            if (registry.source(type) != null) {
                assertThat(text).contains("<!-- options: source " + type + " -->");
            }
            if (registry.sink(type) != null) {
                assertThat(text).contains("<!-- options: target " + type + " -->");
            }
        }
    }

    @Test
    void the_documented_examples_are_valid_pipelines() throws Exception {
        Path root = Files2.projectRoot();
        try (var files = Files.walk(root.resolve("examples"))) {
            for (Path example : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                // an example takes its secrets from variables the reader sets (${env:INGEST_TOKEN}): give each a value
                Cli.Result result = Cli.run(name -> "example-value", "validate", example.toString());
                assertThat(result.exitCode()).as(example + "\n" + result.all()).isZero();
            }
        }
    }
}
