package dev.muara.cli;

import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.StateStore;
import dev.muara.api.sink.SupportsTransactionalState;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.state.LocalStateStore;
import dev.muara.core.state.PipelineState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code muara state show|reset pipeline.yaml}: what a pipeline has loaded, and forgetting it. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Shows or clears what a pipeline has loaded (its committed state).",
        subcommands = {StateCommand.Show.class, StateCommand.Reset.class})
final class StateCommand implements Runnable {

    @ParentCommand
    MuaraCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Runs {@code action} with the state store of {@code pipeline}'s target. */
    static <T> T withStore(MuaraCommand root, Path pipeline, StoreAction<T> action) throws Exception {
        PipelineConfig config = PipelineFiles.load(root, pipeline);
        try (Sink sink = root.registry().sink(config.target().type()).create(new SinkContext(config.name(),
                config.baseDirectory()), config.target().options())) {
            StateStore store = sink instanceof SupportsTransactionalState t ? t.stateStore()
                    : new LocalStateStore(config.workDirectory());
            return action.apply(config, store);
        }
    }

    @FunctionalInterface
    interface StoreAction<T> {
        T apply(PipelineConfig config, StateStore store) throws Exception;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows every split the pipeline has seen and where it stands.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        StateCommand parent;

        @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
        Path pipeline;

        @Option(names = "--json", description = "Print the state as stored (JSON).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return withStore(parent.root, pipeline, (config, store) -> {
                Optional<String> stored = store.load();
                if (stored.isEmpty()) {
                    System.out.println(config.name() + " has no state: nothing has been loaded yet (or the state was reset).");
                    return 0;
                }
                if (json) {
                    System.out.println(stored.get());
                    return 0;
                }
                PipelineState state = PipelineState.parse(stored.get());
                System.out.println(config.name() + ": checkpoint " + state.checkpoint() + ", last run " + state.runId()
                        + (state.isComplete() ? " (complete)" : " (incomplete: the next run resumes it)"));
                List<List<String>> rows = new ArrayList<>();
                for (Map.Entry<String, Map<String, PipelineState.SplitState>> stream : state.streams().entrySet()) {
                    for (Map.Entry<String, PipelineState.SplitState> split : stream.getValue().entrySet()) {
                        PipelineState.SplitState s = split.getValue();
                        rows.add(List.of(stream.getKey(), split.getKey(), s.done() ? s.again() ? "done (read again next run)" : "done" : "in progress",
                                s.position() == null ? "" : s.position(), s.fingerprint()));
                    }
                }
                System.out.println();
                Terminal.table(System.out, List.of("stream", "split", "status", "position", "fingerprint"), rows);
                return 0;
            });
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Forgets what the pipeline has loaded: the next run loads everything again. Loaded data is not touched.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        StateCommand parent;

        @Parameters(paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
        Path pipeline;

        @Override
        public Integer call() throws Exception {
            return withStore(parent.root, pipeline, (config, store) -> {
                store.reset();
                System.out.println(config.name() + ": state reset; the next run loads everything again (already loaded rows stay in the target).");
                return 0;
            });
        }
    }
}
