package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin of examples/custom-transform, built as a user builds it (its sources compiled against the SPI
 * alone, into a jar of their own) and put on Muara's class path as the launcher puts plugins/*: Muara finds its
 * transform by type and runs it in a pipeline.
 */
class CustomTransformPluginTest {

    private static final Path EXAMPLE = Files2.projectRoot().resolve("examples/custom-transform");

    @TempDir
    Path dir;

    @Test
    void a_transform_built_as_a_separate_jar_is_listed_and_runs_in_a_pipeline_from_the_plugin_path() throws Exception {
        Path plugin = buildPlugin();
        Files.writeString(dir.resolve("stores.csv"), """
                id,lat,lon
                1,57.64911,10.40744
                2,-6.175392,106.827153
                3,,106.8
                4,95.0,10.0
                """);
        String pipeline = pipelineOfTheReadme().replace("precision: 6", "precision: 11") + "errors: {max_rejects: 10}\n";
        Files.writeString(dir.resolve("pipeline.yaml"), pipeline);

        try (MuaraProcess connectors = MuaraProcess.startWithPlugins(dir, List.of(plugin), "256m", "connectors")) {
            assertThat(connectors.waitFor(120)).as(connectors.text()).isZero();
            assertThat(connectors.text()).containsPattern("geohash\\s+Adds the geohash of a latitude and a longitude column");
        }
        try (MuaraProcess run = MuaraProcess.startWithPlugins(dir, List.of(plugin), "256m", "run", "pipeline.yaml")) {
            assertThat(run.waitFor(120)).as(run.text()).isZero();
        }

        assertThat(Duck.rows(dir.resolve("stores.duckdb"), "SELECT id, cell FROM stores ORDER BY id")).containsExactly(
                // the example of the geohash's own description, and Jakarta's Monas
                List.of("1", "u4pruydqqvj"), List.of("2", "qqguygv1tp6"), Arrays.asList("3", null));
        try (Stream<Path> files = Files.walk(dir.resolve(".muara"))) {
            Path deadLetters = files.filter(f -> f.toString().contains("dead-letter") && Files.isRegularFile(f))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(deadLetters)).contains("geohash: (95.0, 10.0) is not a position on the globe");
        }
    }

    @Test
    void without_the_plugin_on_the_class_path_its_type_is_unknown() throws Exception {
        Files.writeString(dir.resolve("stores.csv"), "id,lat,lon\n1,1.0,2.0\n");
        Files.writeString(dir.resolve("pipeline.yaml"), pipelineOfTheReadme());
        Cli.Result result = Cli.run("validate", dir.resolve("pipeline.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("geohash");
    }

    /** The pipeline the example's README shows. */
    private static String pipelineOfTheReadme() throws IOException {
        String readme = Files.readString(EXAMPLE.resolve("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** The example's sources compiled against the SPI on this test's class path, and jarred with its resources. */
    private Path buildPlugin() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("plugin-classes"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-Werror", "-Xlint:all",
                "-cp", apiClassPath(), "-d", classes.toString()));
        arguments.addAll(sources);
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("the example compiles").isZero();

        Path jar = dir.resolve("plugins/muara-geohash-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, classes);
            addTree(out, EXAMPLE.resolve("src/main/resources"));
        }
        return jar;
    }

    /** Only muara-api, as the example's pom gives it: a plugin that used anything else would not compile here. */
    private static String apiClassPath() throws IOException {
        return Arrays.stream(MuaraProcess.classPath().split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("muara-api")).findFirst()
                .orElseThrow(() -> new IllegalStateException("muara-api is not on the test class path"));
    }

    private static void addTree(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
