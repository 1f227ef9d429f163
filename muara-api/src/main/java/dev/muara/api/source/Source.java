package dev.muara.api.source;

import java.util.List;

/**
 * Where data comes from, for one stream. Created by {@link SourceConnector#create} once per stream and run.
 *
 * <p>The engine calls {@link #plan(PlanContext)} once, compares the splits with the committed state (skipping splits that
 * were finished with the same fingerprint and resuming unfinished ones from their position), then calls
 * {@link #open} for each split still to read, from several threads at once; {@link #close()} comes last.
 *
 * <pre>{@code
 * public List<Split> plan(PlanContext context) {
 *     return files.stream()
 *             .map(f -> new Split(context.stream(), f.relativePath(), f.size() + "@" + f.modified(), f.size()))
 *             .toList();
 * }
 * public SplitReader open(Split split, String position, ReaderContext context) {
 *     return new CsvSplitReader(resolve(split.id()), position, context);
 * }
 * }</pre>
 */
public interface Source extends AutoCloseable {

    /** Whether the source ends (files) or runs until stopped (brokers). */
    Boundedness boundedness();

    /**
     * Every split the source holds now, read or not; the engine decides which still need reading. Splits must
     * be the same as the last run's when {@link PlanContext#resuming()} says this run continues it.
     */
    List<Split> plan(PlanContext context) throws Exception;

    /**
     * A reader for {@code split}, starting at {@code position} (as returned earlier by
     * {@link SplitReader#position()}) or at the split's start when {@code position} is null. Must be safe to
     * call from several threads at once.
     */
    SplitReader open(Split split, String position, ReaderContext context) throws Exception;

    /**
     * The key columns of {@code stream} as the source knows them (a table's primary key), used for
     * {@code write: merge} when the pipeline names no key; empty when unknown.
     */
    default List<String> primaryKey(String stream) {
        return List.of();
    }

    /**
     * The column of {@code stream} holding each record's event or arrival time (a {@code timestamptz}), from which
     * the engine measures end-to-end latency (commit time minus that time); null when there is none.
     */
    default String eventTimeColumn(String stream) {
        return null;
    }

    @Override
    default void close() throws Exception {
    }
}
