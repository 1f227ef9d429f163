package dev.muara.core.config;

import dev.muara.api.option.OptionSpec;
import java.time.Duration;
import java.util.List;

/**
 * The options the engine itself reads, declared like connector options so they are validated and documented the
 * same way.
 */
public final class PipelineOptions {

    private PipelineOptions() {
    }

    /** Target table of a stream. */
    public static final OptionSpec<String> TABLE = OptionSpec.string("table",
            "Target table; default: the stream name (with one stream: derived from the source, e.g. the file name).")
            .perStream();

    /** Write mode of a stream. */
    public static final OptionSpec<String> WRITE = OptionSpec.oneOf("write",
            "How rows meet the table: append adds them; replace swaps in a new table holding only this run's rows "
                    + "(the old one stays readable until the swap); merge upserts on primary_key.",
            "append", "replace", "merge").withDefault("append").perStream();

    /** Key columns of a stream. */
    public static final OptionSpec<List<String>> PRIMARY_KEY = OptionSpec.stringList("primary_key",
            "Key columns; required for write: merge.").perStream();

    /** The options every target accepts, before its own. */
    public static final List<OptionSpec<?>> TARGET = List.of(TABLE, WRITE, PRIMARY_KEY);

    public static final OptionSpec<Long> MAX_REJECTS = OptionSpec.integer("max_rejects",
            "Rejected rows (parse or conversion errors, sent to the dead-letter file) allowed in a run before it fails; "
                    + "0 fails on the first.").withDefault(0L).atLeast(0);

    public static final OptionSpec<Double> MAX_REJECT_RATIO = OptionSpec.number("max_reject_ratio",
            "Largest share of rejected rows among rows read, from 0 to 1 (e.g. 0.01), checked at the end of the run; "
                    + "when set, it replaces max_rejects.").atLeast(0).atMost(1);

    public static final List<OptionSpec<?>> ERRORS = List.of(MAX_REJECTS, MAX_REJECT_RATIO);

    public static final OptionSpec<Long> CHECKPOINT_ROWS = OptionSpec.integer("rows",
            "Commit after this many rows since the last commit.").withDefault(500_000L).atLeast(1);

    public static final OptionSpec<Duration> CHECKPOINT_INTERVAL = OptionSpec.duration("interval",
            "Commit after this much time since the last commit, whichever of rows and interval comes first.")
            .withDefault(Duration.ofSeconds(10));

    public static final List<OptionSpec<?>> CHECKPOINT = List.of(CHECKPOINT_ROWS, CHECKPOINT_INTERVAL);

    public static final OptionSpec<String> NAME = OptionSpec.string("name",
            "Pipeline name: letters, digits, '_', '-', '.'. The key of the pipeline's state.").required();

    public static final OptionSpec<String> DESCRIPTION = OptionSpec.string("description", "Free text.");

    public static final OptionSpec<Long> PARALLELISM = OptionSpec.integer("parallelism",
            "Splits (files, ranges, partitions) read at once; default: the number of cores.").atLeast(1).atMost(256);

    public static final OptionSpec<Long> BATCH_ROWS = OptionSpec.integer("batch_rows",
            "Rows per batch moving from reader to writer.").withDefault(8192L).atLeast(1).atMost(1_000_000);

    public static final OptionSpec<String> WORK_DIR = OptionSpec.string("work_dir",
            "Folder for dead letters, run records and (for targets that cannot hold it) the state; "
                    + "default: .muara/<name> beside the pipeline file.");

    /** Scalar keys at the top of a pipeline file. */
    public static final List<OptionSpec<?>> TOP = List.of(NAME, DESCRIPTION, PARALLELISM, BATCH_ROWS, WORK_DIR);
}
