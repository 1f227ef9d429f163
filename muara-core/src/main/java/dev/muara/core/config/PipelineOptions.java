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

    /** What happens when a batch does not match its table. */
    public static final OptionSpec<String> SCHEMA_POLICY = OptionSpec.oneOf("schema_policy",
            "When data does not match its table: evolve adds new columns and widens narrower ones; freeze fails the run "
                    + "naming the table, column, old and new type; discard_row sends rows that do not fit to the dead-letter "
                    + "file; discard_column drops new columns (and sends rows with values too wide for their column to the "
                    + "dead-letter file).", "evolve", "freeze", "discard_row", "discard_column")
            .withDefault("evolve").perStream();

    /** Whether loaded rows carry the load id and time. */
    public static final OptionSpec<Boolean> LOAD_COLUMNS = OptionSpec.bool("load_columns",
            "Add _muara_load_id (the run id) and _muara_loaded_at (the run's start, UTC) to every loaded row.")
            .withDefault(true).perStream();

    /** The options every target accepts, before its own. */
    public static final List<OptionSpec<?>> TARGET = List.of(TABLE, WRITE, PRIMARY_KEY, SCHEMA_POLICY, LOAD_COLUMNS);

    /** The target options the engine reads itself; the sink does not see them. */
    public static final List<OptionSpec<?>> ENGINE_TARGET = TARGET;

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
            "Commit after this much time since the last commit, whichever of rows and interval comes first; "
                    + "default 10s for files and tables, 1s for a source that runs until stopped (a stream).");

    public static final List<OptionSpec<?>> CHECKPOINT = List.of(CHECKPOINT_ROWS, CHECKPOINT_INTERVAL);

    public static final OptionSpec<Long> RETRY_ATTEMPTS = OptionSpec.integer("attempts",
            "How many times a run tries in all when it meets a transient fault (a dropped connection, a deadlock, a "
                    + "serialization failure); each attempt resumes from the last checkpoint. 1 means no retry.")
            .withDefault(4L).atLeast(1).atMost(100);

    public static final OptionSpec<java.time.Duration> RETRY_BACKOFF = OptionSpec.duration("backoff",
            "Wait before the first retry; each later wait doubles, with random jitter, up to max_backoff.")
            .withDefault(java.time.Duration.ofSeconds(1));

    public static final OptionSpec<java.time.Duration> RETRY_MAX_BACKOFF = OptionSpec.duration("max_backoff",
            "The longest wait between two attempts.").withDefault(java.time.Duration.ofSeconds(30));

    public static final List<OptionSpec<?>> RETRY = List.of(RETRY_ATTEMPTS, RETRY_BACKOFF, RETRY_MAX_BACKOFF);

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

    public static final OptionSpec<List<String>> PII = OptionSpec.stringList("pii",
            "Columns holding personal data, in any stream that has them: [email, phone]. Before a target that sends data "
                    + "off this machine, a mask, hash, redact or drop transform must name each of them, or the pipeline "
                    + "is invalid; their clear values are kept out of dead-letter files and preview.");

    /** Scalar keys at the top of a pipeline file. */
    public static final List<OptionSpec<?>> TOP = List.of(NAME, DESCRIPTION, PARALLELISM, BATCH_ROWS, WORK_DIR, PII);
}
