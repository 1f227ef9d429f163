package dev.muara.cli;

import dev.muara.core.config.PipelineConfig;
import dev.muara.core.engine.PipelineRunner;
import dev.muara.core.engine.RunResult;
import dev.muara.core.run.QualityReport;
import dev.muara.core.run.RunRecord;
import dev.muara.core.run.RunStatus;
import dev.muara.core.run.StreamReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code muara run pipeline.yaml}: loads what is new, shows progress, prints a summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a pipeline: loads what is new since the last run, then prints a summary. "
                + "Ctrl-C (SIGINT) or SIGTERM stops it cleanly: what was read is committed and the next run resumes.")
final class RunCommand implements Callable<Integer> {

    /** Exit code of a bounded run stopped by a signal: resumable, but not finished. */
    static final int INTERRUPTED = 130;

    @ParentCommand
    MuaraCommand root;

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
    Path pipeline;

    @Option(names = "--parallelism", description = "Splits read at once; overrides the pipeline's parallelism.")
    Integer parallelism;

    @Option(names = "--progress", description = "auto (a bar on a terminal, log lines otherwise), bar, plain or none.",
            defaultValue = "auto")
    String progress;

    @Override
    public Integer call() {
        PipelineConfig config = PipelineFiles.load(root, pipeline);
        if (parallelism != null) {
            if (parallelism < 1) {
                throw dev.muara.api.error.MuaraException.config("--parallelism must be at least 1");
            }
            config = config.withParallelism(parallelism);
        }
        PipelineRunner runner = new PipelineRunner(config, root.registry(), root.redactor);
        Signals.onStop(runner::stop);
        boolean bar = progress.equals("bar") || progress.equals("auto") && Terminal.interactive();
        ProgressReporter reporter = progress.equals("none") ? null : new ProgressReporter(runner, bar, config.name());
        if (reporter != null) {
            reporter.start();
        }
        RunResult result;
        try {
            result = runner.run();
        } finally {
            if (reporter != null) {
                reporter.finish();
            }
        }
        String noun = root.registry().source(config.source().type()).splitNoun();
        printSummary(config, result, noun);
        RunStatus status = result.record().status();
        if (status == RunStatus.FAILED) {
            return Failures.print(result.error(), new PrintWriter(System.err, true), root.verbose);
        }
        if (status == RunStatus.STOPPED) {
            boolean unbounded = result.unbounded();
            System.err.println(unbounded ? "stopped: everything read was committed"
                    : "stopped: everything read was committed; run again to load the rest");
            return unbounded ? 0 : INTERRUPTED;
        }
        return 0;
    }

    static void printSummary(PipelineConfig config, RunResult result, String noun) {
        RunRecord record = result.record();
        var out = System.out;
        out.println();
        out.println(config.name() + ": run " + record.id() + " " + record.status().word() + " in "
                + Terminal.duration(result.durationMillis()));
        if (record.nothingToLoad()) {
            int skipped = record.streams().stream().mapToInt(StreamReport::splitsSkipped).sum();
            out.println("Nothing new to load: " + (skipped == 0 ? "the source has no " + noun + "s"
                    : "all " + skipped + " " + plural(noun, skipped) + " were loaded before and have not changed")
                    + ". 0 rows loaded.");
            return;
        }
        out.println();
        List<List<String>> rows = new ArrayList<>();
        for (StreamReport s : record.streams()) {
            rows.add(List.of(s.stream(), s.table(), s.write(), s.splitsFinished() + "/" + s.splits(),
                    Terminal.count(s.rowsRead()), Terminal.count(s.rowsLoaded()), Terminal.count(s.rowsRejected()),
                    Terminal.duration(s.durationMillis()), Terminal.rate(s.rowsRead(), s.durationMillis())));
        }
        Terminal.table(out, List.of("stream", "table", "write", noun + "s", "rows read", "loaded", "rejected", "time", "rows/s"), rows);
        out.println();
        int skipped = record.streams().stream().mapToInt(StreamReport::splitsSkipped).sum();
        StringBuilder total = new StringBuilder(rows(record.rowsLoaded()) + " loaded into " + config.target().type());
        if (skipped > 0) {
            total.append("; ").append(skipped).append(" ").append(plural(noun, skipped)).append(" unchanged since the last run were skipped");
        }
        out.println(total.append('.'));
        if (record.rowsRejected() > 0 && record.deadLetterFile() != null) {
            out.println(rows(record.rowsRejected()) + " rejected: see " + config.baseDirectory().relativize(Path.of(record.deadLetterFile())));
        }
        printQuality(record);
    }

    /** The quality report: each rule's rows checked and failed, with a few failing values. */
    private static void printQuality(RunRecord record) {
        List<List<String>> rules = new ArrayList<>();
        for (StreamReport s : record.streams()) {
            for (QualityReport q : s.quality()) {
                rules.add(List.of(s.stream(), q.rule(), Terminal.count(q.checked()), Terminal.count(q.failed()),
                        String.join(", ", q.samples())));
            }
        }
        if (!rules.isEmpty()) {
            System.out.println();
            System.out.println("quality:");
            Terminal.table(System.out, List.of("stream", "rule", "checked", "failed", "such as"), rules);
        }
    }

    private static String rows(long n) {
        return Terminal.count(n) + (n == 1 ? " row" : " rows");
    }

    private static String plural(String noun, long n) {
        return n == 1 ? noun : noun + "s";
    }
}
