package dev.muara.bench.micro;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the microbenchmarks of Muara's hot paths with JMH, in a JVM forked for them, and renders the figures as a
 * section of the benchmark report.
 *
 * <pre>java dev.muara.bench.micro.Microbenchmarks [--quick]</pre>
 */
public final class Microbenchmarks {

    /**
     * One benchmark method's figure.
     *
     * @param benchmark what is measured
     * @param tool the code measured: Muara's, or the reference's name
     * @param reference whether the code is a reference rather than Muara's
     * @param rowsPerSecond JMH's score, in rows per second
     * @param error the half-width of JMH's 99.9% confidence interval, in rows per second; NaN with one iteration
     */
    public record Figure(String benchmark, String tool, boolean reference, double rowsPerSecond, double error) {
    }

    /** A benchmark method and how the report names it, in the report's order. */
    private record Entry(Class<?> type, String method, String benchmark, String tool, boolean reference) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(CsvParsingBenchmark.class, "muaraFields", "CSV → text fields", "Muara", false),
            new Entry(CsvParsingBenchmark.class, "fastCsvFields", "CSV → text fields", version("FastCSV",
                    de.siegmar.fastcsv.reader.CsvReader.class), true),
            new Entry(CsvParsingBenchmark.class, "muaraBatches", "CSV → typed batches", "Muara", false),
            new Entry(JsonParsingBenchmark.class, "muara", "NDJSON → values", "Muara (typed batches)", false),
            new Entry(JsonParsingBenchmark.class, "jackson", "NDJSON → values", "Jackson "
                    + tools.jackson.core.json.PackageVersion.VERSION + " (streaming)", true),
            new Entry(TypeInferenceBenchmark.class, "muara", "Type inference (8 columns)", "Muara", false),
            new Entry(CopyBinaryBenchmark.class, "muara", "Batches → PostgreSQL binary COPY bytes", "Muara", false),
            new Entry(DuckDbAppendBenchmark.class, "muara", "Batches → DuckDB Appender (in memory)", "Muara", false));

    private Microbenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        System.out.print(markdown(run(quick), quick));
    }

    /**
     * Runs every microbenchmark: one fork, 2 warm-up iterations of 1 s and 3 measured ones of 2 s, or with
     * {@code quick} one warm-up and one measured iteration of 1 s (a check that each works, not a measurement).
     */
    public static List<Figure> run(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Microbenchmarks.class.getPackageName().replace(".", "\\.") + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend(forkOptions())
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Figure> figures = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            String name = entry.type().getName() + "." + entry.method();
            for (RunResult result : results) {
                if (result.getParams().getBenchmark().equals(name)) {
                    Result<?> score = result.getPrimaryResult();
                    figures.add(new Figure(entry.benchmark(), entry.tool(), entry.reference(), score.getScore(),
                            score.getScoreError()));
                }
            }
        }
        return figures;
    }

    /** The figures as the report's "Microbenchmarks" section: a sentence on the method and a table. */
    public static String markdown(List<Figure> figures, boolean quick) {
        StringBuilder page = new StringBuilder("## Microbenchmarks\n\n");
        page.append(String.format(Locale.ROOT, "JMH, in a JVM forked for it, one thread, throughput: %s. Each "
                + "operation handles the same %,d rows of the flat columns, made by the suite's seeded generator "
                + "and held in memory, so no disk or network is in the figures; rows/s is operations per second "
                + "times %,d, ± the half-width of JMH's 99.9%% confidence interval. The references do what they "
                + "are made for on the same bytes: FastCSV reads text fields as Muara's parser does; Jackson reads "
                + "each value as a Java value from one stream, while Muara splits lines, parses each line by "
                + "itself and builds typed columns, recognising dates and timestamps. Batch encoding goes into "
                + "a COPY that counts the bytes (no server) and into an in-memory DuckDB with one thread.%n%n",
                quick ? "one warm-up and one measured iteration of 1 s (a check, not a measurement)"
                        : "2 warm-up iterations of 1 s, 3 measured iterations of 2 s",
                FlatRows.ROWS, FlatRows.ROWS));
        page.append("| benchmark | code | rows/s | ± | Muara ÷ reference |\n|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            Figure reference = figures.stream().filter(f -> f.reference() && f.benchmark().equals(figure.benchmark()))
                    .findFirst().orElse(null);
            page.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s |%n", figure.benchmark(),
                    figure.tool(), figure.rowsPerSecond(), Double.isFinite(figure.error())
                            ? String.format(Locale.ROOT, "%,.0f", figure.error()) : "",
                    reference == null || figure.reference() ? ""
                            : String.format(Locale.ROOT, "%.2f×", figure.rowsPerSecond() / reference.rowsPerSecond())));
        }
        return page.append('\n').toString();
    }

    /** The library's name and version, as its jar's manifest gives it (FastCSV's is an OSGi bundle version). */
    private static String version(String name, Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        if (version == null) {
            try (JarFile jar = new JarFile(new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
                version = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes()
                        .getValue("Bundle-Version");
            } catch (IOException | URISyntaxException | SecurityException e) {
                version = null;
            }
        }
        return version == null ? name : name + " " + version;
    }

    /** The forked JVM's options; from Java 23 on, JMH's use of sun.misc.Unsafe is allowed without a warning. */
    private static String[] forkOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options.toArray(new String[0]);
    }
}
