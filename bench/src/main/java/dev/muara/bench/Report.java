package dev.muara.bench;

import dev.muara.bench.Bench.LargeRun;
import dev.muara.bench.Bench.Result;
import dev.muara.bench.Workload.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code docs/benchmarks.md} and {@code docs/benchmarks/<workload>.png} from one run of the suite: the
 * machine, the method, the targets met or missed, a table and chart per workload, and the hand-written analysis of
 * what limits the figures ({@code bench/analysis.md}), so the published page is never edited by hand.
 */
final class Report {

    private static final long GIB = 1L << 30;

    private final Path docs;
    private final Path analysis;
    private final long rows;
    private final int runs;
    private final String postgresVersion;
    private final String duckDbVersion;

    Report(Path docs, Path analysis, long rows, int runs, String postgresVersion, String duckDbVersion) {
        this.docs = docs;
        this.analysis = analysis;
        this.rows = rows;
        this.runs = runs;
        this.postgresVersion = postgresVersion;
        this.duckDbVersion = duckDbVersion;
    }

    void write(Map<Workload, List<Result>> results, List<LargeRun> large, MqttWorkload.Figures stream,
            String streamSkipped, String microbenchmarks, double suiteSeconds) throws IOException {
        Path charts = docs.resolve("benchmarks");
        Files.createDirectories(charts);
        StringBuilder page = new StringBuilder();
        page.append("# Benchmarks\n\n")
                .append("Written by `bench/run.sh` on ").append(LocalDate.now(ZoneOffset.UTC))
                .append(String.format(Locale.ROOT, " (the suite took %.1f minutes); do not edit by hand: run the "
                        + "suite again. The analysis at the end comes from `bench/analysis.md`.%n%n",
                        suiteSeconds / 60));
        machine(page);
        method(page);
        targets(page, results, large, stream, streamSkipped);
        for (Map.Entry<Workload, List<Result>> entry : results.entrySet()) {
            workload(page, entry.getKey(), entry.getValue(), charts);
        }
        stream(page, stream, streamSkipped, charts);
        memory(page, results, large);
        if (microbenchmarks != null) {
            page.append(microbenchmarks.strip()).append("\n\n");
        }
        if (Files.exists(analysis)) {
            page.append(Files.readString(analysis).strip()).append('\n');
        }
        Files.writeString(docs.resolve("benchmarks.md"), page);
    }

    private void machine(StringBuilder page) throws IOException {
        page.append("## Machine\n\n")
                .append("| | |\n|---|---|\n")
                .append("| CPU | ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores |\n")
                .append("| Memory | ").append(memory()).append(" |\n")
                .append("| OS | ").append(osRelease()).append(", Linux ").append(System.getProperty("os.version"))
                .append(" |\n")
                .append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n")
                .append("| PostgreSQL | server ").append(postgresVersion).append(", ").append(Shell.firstLine("psql",
                        "--version")).append(" |\n")
                .append("| DuckDB | ").append(duckDbVersion).append(" (JDBC, the library Muara uses) |\n")
                .append("| pgloader | ").append(Shell.firstLine("pgloader", "--version")).append(" |\n")
                .append("| SQLite | ").append(Shell.firstLine("sqlite3", "--version").split(" ")[0]).append(" |\n\n");
    }

    private void method(StringBuilder page) {
        page.append("## Method\n\n")
                .append(String.format(Locale.ROOT, "- Data: %,d rows made by a seeded generator "
                        + "(`bench/src/main/java/dev/muara/bench/DataGenerator.java`), the same bytes on every "
                        + "machine: bigint, int, double, decimal(12,2), short and long text (quoted, with commas and "
                        + "non-ASCII letters), date and timestamp with zone, with nulls in four columns. Nested "
                        + "documents for W5: an object and two levels of arrays. Nothing large is committed.%n", rows))
                .append(String.format(Locale.ROOT, "- Each workload: one warm-up round, then %d timed rounds; in "
                        + "each round every tool runs once, in an order that rotates from round to round. Each run "
                        + "starts from an empty target; its row count is checked before its time is kept.%n", runs))
                .append("- Time: wall time of the whole command, median of the timed runs, JVM start included for "
                        + "Muara and for the DuckDB reference (which runs in a JVM of its own through the same "
                        + "DuckDB library). rows/s and MB/s are the rows and the input's size (the file, or the "
                        + "source table's size on disk) divided by that median.\n")
                .append("- Memory: the largest sum, over the command's process tree (launcher, JVM, psql, pipes), "
                        + "of each process's resident-set high-water mark, sampled every 50 ms (the command's own "
                        + "process every 5 ms); the highest over the timed runs. The PostgreSQL server's own "
                        + "processes are shared by every tool and not counted.\n")
                .append("- Ratio: Muara's throughput ÷ the reference's (the reference's median time ÷ Muara's); "
                        + "above 1 Muara is faster.\n")
                .append("- Local services on loopback without TLS for every tool alike; PostgreSQL is the "
                        + "machine's own server (or one the suite starts).\n\n");
    }

    private void targets(StringBuilder page, Map<Workload, List<Result>> results, List<LargeRun> large,
            MqttWorkload.Figures stream, String streamSkipped) {
        page.append("## Targets\n\n| target | measured | |\n|---|---|---|\n");
        if (stream != null) {
            double rate = stream.messages() / stream.muaraThroughput().seconds();
            row(page, "W6 ≥ 50,000 msg/s sustained (QoS 1)", count(rate) + " msg/s", rate >= 50_000);
            row(page, "W6 p99 latency under 1 s at 10,000 msg/s", String.format(Locale.ROOT, "%.0f ms",
                    stream.latencyMillis()[1]), stream.latencyMillis()[1] < 1000);
        } else {
            page.append("| W6 MQTT → PostgreSQL | ").append(streamSkipped).append(" | |\n");
        }
        for (Map.Entry<Workload, List<Result>> entry : results.entrySet()) {
            for (Target target : entry.getKey().targets()) {
                Result subject = find(entry.getValue(), target.subject());
                if (target.reference() == null) {
                    double seconds = subject.medianSeconds();
                    row(page, target.text(), String.format(Locale.ROOT, "%.2f s", seconds), seconds <= target.ratio());
                } else {
                    double ratio = find(entry.getValue(), target.reference()).medianSeconds() / subject.medianSeconds();
                    row(page, target.text(), String.format(Locale.ROOT, "%.2f×", ratio), ratio >= target.ratio());
                }
            }
        }
        if (rows >= 10_000_000) {
            for (Map.Entry<Workload, List<Result>> entry : results.entrySet()) {
                for (Result result : entry.getValue()) {
                    if (result.tool().startsWith("Muara")) {
                        row(page, entry.getKey().id().toUpperCase(Locale.ROOT) + " " + result.tool()
                                + ": peak RSS < 1 GiB at 10M rows", count(result.peakRssBytes() / (double) (1 << 20))
                                + " MiB", result.peakRssBytes() < GIB);
                    }
                }
            }
        } else if (large.isEmpty()) {
            page.append(String.format(Locale.ROOT, "| Peak RSS < 1 GiB at 10M rows | not in this run "
                    + "(%,d rows); see the tables for this size | |%n", rows));
        }
        for (LargeRun run : large) {
            String id = run.workload().id().toUpperCase(Locale.ROOT);
            long peak = run.run().peakRssBytes();
            Result base = baseline(results, run);
            if (base != null) {
                double growth = peak / (double) base.peakRssBytes();
                row(page, String.format(Locale.ROOT, "%s Muara: peak RSS at %s rows within 20%% of %s rows", id,
                        millions(run.workload().rows()), millions(rows)), String.format(Locale.ROOT,
                                "%s → %s MiB (%+.0f%%)", mib(base.peakRssBytes()), mib(peak), (growth - 1) * 100),
                        growth <= 1.2);
            }
            row(page, String.format(Locale.ROOT, "%s Muara: peak RSS < 1 GiB at %s rows", id,
                    millions(run.workload().rows())), mib(peak) + " MiB", peak < GIB);
        }
        page.append('\n');
    }

    /** Muara's peak memory at the suite's size and at 10 million rows: flat memory is the point. */
    private void memory(StringBuilder page, Map<Workload, List<Result>> results, List<LargeRun> large) {
        if (large.isEmpty()) {
            return;
        }
        page.append("## Memory at ").append(millions(large.getFirst().workload().rows())).append(" rows\n\n")
                .append("Muara's W1 and W3 once more, one run each, on ").append(millions(large.getFirst().workload()
                        .rows())).append(" rows made by the same generator; peak RSS as in the tables above.\n\n")
                .append(String.format(Locale.ROOT, "| workload | peak RSS at %s rows | peak RSS at %s rows | "
                        + "time at %s rows | rows/s |%n|---|---|---|---|---|%n", millions(rows),
                        millions(large.getFirst().workload().rows()), millions(large.getFirst().workload().rows())));
        for (LargeRun run : large) {
            Result base = baseline(results, run);
            page.append(String.format(Locale.ROOT, "| %s %s | %s | %s MiB | %.1f s | %s |%n",
                    run.workload().id().toUpperCase(Locale.ROOT), run.workload().title(),
                    base == null ? "not measured" : mib(base.peakRssBytes()) + " MiB", mib(run.run().peakRssBytes()),
                    run.run().seconds(), count(run.workload().rows() / run.run().seconds())));
        }
        page.append('\n');
    }

    /** Muara's result of the same workload at the suite's size, or null when that was not run. */
    private static Result baseline(Map<Workload, List<Result>> results, LargeRun run) {
        return results.entrySet().stream().filter(e -> e.getKey().id().equals(run.workload().id()))
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    private static String mib(long bytes) {
        return count(bytes / (double) (1 << 20));
    }

    private static String millions(long rows) {
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + "M" : String.format(Locale.ROOT, "%,d", rows);
    }

    private static void stream(StringBuilder page, MqttWorkload.Figures stream, String skipped, Path charts)
            throws IOException {
        page.append("## W6 MQTT → PostgreSQL\n\n");
        if (stream == null) {
            page.append("Not measured in this run: ").append(skipped).append(".\n\n");
            return;
        }
        page.append(String.format(Locale.ROOT, "The suite starts a Mosquitto of its own (its default in-flight "
                + "limit, no limit on queued messages, so nothing is dropped while a consumer lags) and publishes "
                + "JSON messages with QoS 1 from its own JVM (MQTT 3.1.1, at most 1,000 awaiting acknowledgement). "
                + "Each Muara run first takes %,d messages that are not timed (a stream runs for hours: its "
                + "sustained rate is the one after the JIT has compiled its hot paths). Throughput: %,d messages "
                + "published as fast as the broker takes them and Muara keeps up (the publisher stays at most "
                + "20,000 messages ahead of what PostgreSQL holds: this Mosquitto does not apply its in-flight "
                + "limit to Muara's session and would reuse packet identifiers past 65,535), timed from the first "
                + "publish until the last is committed in PostgreSQL (Muara: MQTT 3.1.1, `write: append`, binary "
                + "COPY, a commit every second or every 5,000 messages), against `mosquitto_sub -q 1` writing to "
                + "/dev/null, the broker's own ceiling (its memory is not measured). Latency: %,d msg/s for a while; "
                + "each message's time from when it was due to be published until a query sees it in PostgreSQL "
                + "(the table's highest sequence number, polled every 10 ms), commit included.%n%n",
                MqttWorkload.WARM_UP, stream.messages(), stream.fixedRate()));
        double muara = stream.messages() / stream.muaraThroughput().seconds();
        double subscriber = stream.messages() / stream.subscriberThroughput().seconds();
        page.append("| | msg/s | peak RSS | p50 latency | p99 latency |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| Muara | %s | %s MiB | %.0f ms | %.0f ms |%n", count(muara),
                        count(stream.muaraThroughput().peakRssBytes() / (double) (1 << 20)),
                        stream.latencyMillis()[0], stream.latencyMillis()[1]))
                .append(String.format(Locale.ROOT, "| mosquitto_sub → /dev/null | %s | | | |%n", count(subscriber)));
        BarChart.write(charts.resolve("w6.png"), String.format(Locale.ROOT, "W6 MQTT → PostgreSQL (%,d messages)",
                stream.messages()), List.of(new BarChart.Bar("Muara", muara,
                        stream.muaraThroughput().peakRssBytes() / (double) (1 << 20), true),
                        new BarChart.Bar("mosquitto_sub", subscriber, Double.NaN, false)));
        page.append("\n![W6 MQTT → PostgreSQL](benchmarks/w6.png)\n\n");
    }

    private static void row(StringBuilder page, String target, String measured, boolean met) {
        page.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" : "**missed**")
                .append(" |\n");
    }

    private void workload(StringBuilder page, Workload workload, List<Result> results, Path charts)
            throws IOException {
        String heading = workload.id().toUpperCase(Locale.ROOT) + " " + workload.title();
        page.append("## ").append(heading).append("\n\n").append(workload.method()).append("\n\n");
        Result muara = results.getFirst();
        page.append("| tool | median | rows/s | MB/s | peak RSS | Muara ÷ tool |\n|---|---|---|---|---|---|\n");
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Result result : results) {
            double seconds = result.medianSeconds();
            double rowsPerSecond = workload.rows() / seconds;
            double peakMib = result.peakRssBytes() / (double) (1 << 20);
            page.append(String.format(Locale.ROOT, "| %s | %.2f s | %s | %.1f | %s MiB | %s |%n", result.tool(),
                    seconds, count(rowsPerSecond), workload.inputBytes() / 1e6 / seconds, count(peakMib),
                    result == muara ? "" : String.format(Locale.ROOT, "%.2f×", result.medianSeconds()
                            / muara.medianSeconds())));
            bars.add(new BarChart.Bar(result.tool(), rowsPerSecond, peakMib, result.tool().startsWith("Muara")));
        }
        String png = workload.id() + ".png";
        BarChart.write(charts.resolve(png), heading + String.format(Locale.ROOT, " (%,d rows)", workload.rows()),
                bars);
        page.append("\n![").append(heading).append("](benchmarks/").append(png).append(")\n\n");
    }

    private static Result find(List<Result> results, String tool) {
        return results.stream().filter(r -> r.tool().equals(tool)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no results of " + tool));
    }

    /** A count with thousands separators, for tables and charts. */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String cpu() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
                .findFirst().orElse("unknown");
    }

    private static String osRelease() throws IOException {
        Path release = Path.of("/etc/os-release");
        return Files.exists(release) ? Files.readAllLines(release).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring(12).replace("\"", "")).findFirst().orElse("Linux") : "Linux";
    }
}
