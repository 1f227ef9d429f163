package dev.muara.bench;

import dev.muara.bench.MeasuredProcess.Measurement;
import dev.muara.bench.Workload.Tool;
import dev.muara.bench.micro.Microbenchmarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's entry point, run by {@code bench/run.sh}: for each workload, a warm-up round and then {@code runs}
 * timed rounds, the tools taking turns in a rotating order; every run's row count is checked before its time is
 * kept. Writes {@code docs/benchmarks.md} and a chart per workload, or with {@code --smoke} only checks the counts.
 *
 * <pre>java dev.muara.bench.Bench --repository DIR [--rows N] [--runs N] [--smoke] [workload...]</pre>
 *
 * <p>W6, the MQTT stream, is measured once by {@link MqttWorkload} (a stream has no end to time); {@code memory}
 * runs Muara's W1 and W3 once at 10 million rows, to compare peak memory; {@code micro} runs the JMH
 * microbenchmarks ({@link Microbenchmarks}, briefly with {@code --smoke}).
 */
public final class Bench {

    /**
     * A tool's measured runs in one workload.
     *
     * @param tool the tool's name
     * @param runs the timed runs
     */
    record Result(String tool, List<Measurement> runs) {

        double medianSeconds() {
            double[] seconds = runs.stream().mapToDouble(Measurement::seconds).sorted().toArray();
            int middle = seconds.length / 2;
            return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
        }

        long peakRssBytes() {
            return runs.stream().mapToLong(Measurement::peakRssBytes).max().orElse(0);
        }
    }

    /**
     * Muara's one run of a workload at a larger size, for its peak memory.
     *
     * @param workload the workload at that size
     * @param run the run's time and memory
     */
    record LargeRun(Workload workload, Measurement run) {
    }

    /** The memory step's size, as the issue asks: ten times the suite's default. */
    private static final long LARGE_ROWS = 10_000_000;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(".").toAbsolutePath().normalize();
        long rows = 1_000_000;
        int runs = 3;
        boolean smoke = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repository" -> repository = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--smoke" -> smoke = true;
                default -> names.add(args[i].toLowerCase());
            }
        }
        if (smoke) {
            rows = 10_000;
            runs = 1;
        }
        if (names.isEmpty()) {
            names.addAll(Workloads.ALL);
            names.add("memory");
            names.add("micro");
        }
        Path work = repository.resolve("bench/work");
        Files.createDirectories(work);
        List<String> duckDbSql = duckDbCommand(repository);
        Map<Workload, List<Result>> results = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (Postgres postgres = Postgres.localOrEmbedded()) {
            Workloads workloads = new Workloads(repository, work, rows, postgres, duckDbSql);
            String micro = null;
            List<LargeRun> large = new ArrayList<>();
            MqttWorkload.Figures stream = null;
            String streamSkipped = names.contains("w6") ? null : "not run this time";
            for (String name : names) {
                if (name.equals("micro")) {
                    System.out.println("micro: JMH microbenchmarks of the hot paths");
                    micro = Microbenchmarks.markdown(Microbenchmarks.run(smoke), smoke);
                    continue;
                }
                if (name.equals("memory")) {
                    if (!smoke && rows >= LARGE_ROWS) {
                        System.out.printf("memory: left out, the workloads already ran at %,d rows%n", rows);
                        continue;
                    }
                    long largeRows = smoke ? 2 * rows : LARGE_ROWS;
                    Workloads larger = new Workloads(repository, work, largeRows, postgres, duckDbSql);
                    for (String id : List.of("w1", "w3")) {
                        large.add(once(larger.named(id), work));
                    }
                    continue;
                }
                if (name.equals("w6")) {
                    if (MqttWorkload.available()) {
                        try {
                            stream = mqtt(repository, work, postgres, smoke ? rows : Math.min(rows, 200_000),
                                    smoke ? 2 : 20);
                        } catch (IllegalStateException e) {
                            if (smoke) {
                                throw e;
                            }
                            streamSkipped = "the run failed: " + e.getMessage().lines().findFirst().orElse("");
                            System.out.println("w6 failed: " + e.getMessage());
                        }
                    } else {
                        streamSkipped = "Mosquitto (/usr/sbin/mosquitto, mosquitto_sub) is not installed";
                        System.out.println("w6 left out: " + streamSkipped);
                    }
                    continue;
                }
                Workload workload = workloads.named(name);
                results.put(workload, measure(workload, work, smoke ? 0 : 1, runs));
            }
            if (!smoke) {
                // only a run of everything replaces the published page; a partial one is written aside
                boolean everything = names.containsAll(Workloads.ALL) && names.contains("memory")
                        && names.contains("micro");
                Path docs = everything ? repository.resolve("docs") : work.resolve("report");
                System.out.println("report: " + docs.resolve("benchmarks.md"));
                new Report(docs, repository.resolve("bench/analysis.md"), rows, runs, postgres.version(), DuckDbSql.version())
                        .write(results, large, stream, streamSkipped, micro, (System.nanoTime() - started) / 1e9);
            }
        }
        System.out.printf("done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static MqttWorkload.Figures mqtt(Path repository, Path work, Postgres postgres, long messages,
            int latencySeconds) throws Exception {
        System.out.printf("w6 MQTT → PostgreSQL: %,d messages as fast as they go, then %d s at 10,000 msg/s%n",
                messages, latencySeconds);
        MqttWorkload.Figures figures = new MqttWorkload(repository, work, postgres, messages, latencySeconds).run();
        System.out.printf("  mosquitto_sub            %,10.0f msg/s%n", messages / figures.subscriberThroughput()
                .seconds());
        System.out.printf("  Muara                    %,10.0f msg/s  %,7d MiB; at 10,000 msg/s p50 %.0f ms, p99 %.0f ms%n",
                messages / figures.muaraThroughput().seconds(), figures.muaraThroughput().peakRssBytes() >> 20,
                figures.latencyMillis()[0], figures.latencyMillis()[1]);
        return figures;
    }

    /**
     * The DuckDB reference's JVM: the suite's classes and the DuckDB jar of Muara's distribution, its native library
     * loaded from the file the distribution keeps, as Muara loads it, so neither pays for unpacking it.
     */
    private static List<String> duckDbCommand(Path repository) throws java.io.IOException {
        Path dist = repository.resolve("muara-cli/target/dist");
        Path jar;
        try (var jars = Files.list(dist.resolve("lib"))) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith("duckdb_jdbc-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no DuckDB jar in " + dist + "; build Muara first"));
        }
        return List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-Djava.library.path=" + dist.resolve("native/linux-amd64"), "-cp",
                Path.of(DuckDbSql.class.getProtectionDomain().getCodeSource().getLocation().getPath()) + ":" + jar,
                DuckDbSql.class.getName());
    }

    private static List<Result> measure(Workload workload, Path work, int warmUps, int runs) throws Exception {
        System.out.printf("%s %s: %,d rows, %d warm-up and %d timed runs per tool%n", workload.id(), workload.title(),
                workload.rows(), warmUps, runs);
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        workload.tools().forEach(tool -> measured.put(tool.name(), new ArrayList<>()));
        Map<String, String> environment = environment();
        for (int run = 0; run < warmUps + runs; run++) {
            List<Tool> order = new ArrayList<>(workload.tools());
            java.util.Collections.rotate(order, -run);
            for (Tool tool : order) {
                Measurement m = counted(workload, tool, run, work, environment);
                System.out.printf("  %-24s %s %8.2f s  %,7d MiB  %,d rows%n", tool.name(),
                        run < warmUps ? "warm-up" : "run " + (run - warmUps + 1), m.seconds(),
                        m.peakRssBytes() >> 20, workload.rows());
                if (run >= warmUps) {
                    measured.get(tool.name()).add(m);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        measured.forEach((tool, list) -> results.add(new Result(tool, list)));
        return results;
    }

    /** Muara's run of {@code workload}, once, without a warm-up: its memory at that size. */
    private static LargeRun once(Workload workload, Path work) throws Exception {
        System.out.printf("memory %s %s: %,d rows, Muara once%n", workload.id(), workload.title(), workload.rows());
        Measurement m = counted(workload, workload.tools().getFirst(), 0, work, environment());
        System.out.printf("  %-24s %8.2f s  %,7d MiB%n", "Muara", m.seconds(), m.peakRssBytes() >> 20);
        return new LargeRun(workload, m);
    }

    /** Runs {@code tool} once, prepared, and checks that it loaded every row before its measurement counts. */
    private static Measurement counted(Workload workload, Tool tool, int run, Path work, Map<String, String> environment)
            throws Exception {
        Path folder = work.resolve(workload.id());
        tool.prepare().run(run);
        Path log = folder.resolve(tool.name().replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        Measurement m = MeasuredProcess.run(tool.command(), folder, environment, log);
        long count = tool.counter().count();
        if (count != workload.rows()) {
            throw new IllegalStateException(workload.id() + " " + tool.name() + " loaded " + count + " rows, not "
                    + workload.rows() + "; its output:\n" + MeasuredProcess.tail(log));
        }
        return m;
    }

    private static Map<String, String> environment() {
        // W2's hash transform reads its key from this variable: random bytes, never written anywhere
        byte[] hashKey = new byte[16];
        new java.security.SecureRandom().nextBytes(hashKey);
        return Map.of("BENCH_HASH_KEY", java.util.HexFormat.of().formatHex(hashKey), "PGSSLMODE", "disable");
    }
}
