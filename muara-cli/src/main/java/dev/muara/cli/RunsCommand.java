package dev.muara.cli;

import dev.muara.core.config.PipelineConfig;
import dev.muara.core.run.RunRecord;
import dev.muara.core.run.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code muara runs pipeline.yaml}: the run history. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists a pipeline's runs, newest first.")
final class RunsCommand implements Callable<Integer> {

    @ParentCommand
    MuaraCommand root;

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
    Path pipeline;

    @Option(names = {"-n", "--limit"}, description = "How many runs (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        PipelineConfig config = PipelineFiles.load(root, pipeline);
        List<RunRecord> runs = new RunStore(config.workDirectory(), root.redactor).list(limit);
        if (runs.isEmpty()) {
            System.out.println(config.name() + " has not run yet.");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            String duration = r.ended() == null ? "" : Terminal.duration(
                    Duration.between(Instant.parse(r.started()), Instant.parse(r.ended())).toMillis());
            String note = r.error() != null ? r.error() : r.nothingToLoad() ? "nothing new to load" : "";
            if (note.length() > 70) {
                note = note.substring(0, 69) + "…";
            }
            rows.add(List.of(r.id(), r.status().word(), r.started().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"), duration,
                    Terminal.count(r.rowsRead()), Terminal.count(r.rowsLoaded()), Terminal.count(r.rowsRejected()), note));
        }
        Terminal.table(System.out, List.of("run", "status", "started", "time", "read", "loaded", "rejected", "note"), rows);
        return 0;
    }
}
