package dev.muara.core.connector;

import dev.muara.api.data.Batch;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.BoundedSourceReader;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConfig;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.core.redact.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads a source a transform names (a lookup table) from start to end with the installed connectors: every split
 * from its start, one after the other, as a first run would; nothing is kept of where it stopped.
 */
public final class BoundedSources implements BoundedSourceReader {

    /** The stream name the source is given: a source read whole feeds no table. */
    private static final String STREAM = "lookup";
    /** How long {@code next} may wait; a bounded reader returns as soon as it has rows. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ConnectorRegistry registry;
    private final String pipeline;
    private final Path baseDirectory;
    private final int batchRows;
    private final Redactor redactor;

    /**
     * @param pipeline the pipeline name, as its sources know it
     * @param baseDirectory the pipeline's folder, against which the source's relative paths resolve
     * @param batchRows rows per batch
     * @param redactor what hides secrets in the messages of connector failures
     */
    public BoundedSources(ConnectorRegistry registry, String pipeline, Path baseDirectory, int batchRows,
            Redactor redactor) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.baseDirectory = baseDirectory;
        this.batchRows = batchRows;
        this.redactor = redactor;
    }

    @Override
    public void read(SourceConfig config, Consumer<Batch> batches) {
        RuntimeException stopped;
        try (Source source = registry.source(config.type())
                .create(new SourceContext(pipeline, STREAM, baseDirectory), config.options())) {
            if (source.boundedness() != Boundedness.BOUNDED) {
                throw MuaraException.config(config.options().owner() + " does not end, so it cannot be read whole")
                        .at(config.options().location())
                        .withHint("name a source that ends here: a table, a query or files");
            }
            stopped = readAll(config, source, batches);
        } catch (Exception e) {
            throw ConnectorFailures.wrap(config.type(), e, redactor);
        }
        if (stopped != null) {
            throw stopped;
        }
    }

    /** Reads every split into {@code batches}; what {@code batches} threw, which ends the reading, or null. */
    private RuntimeException readAll(SourceConfig config, Source source, Consumer<Batch> batches) throws Exception {
        for (Split split : source.plan(PlanContext.FIRST_RUN)) {
            OutsideRun context = new OutsideRun(split.stream(), batchRows, rejected -> {
                // a table held whole has no dead-letter store, and a row left out would silently match nothing
                throw MuaraException.config(config.options().owner() + ": " + rejected.location() + ": "
                        + rejected.reason()).withHint("fix the record at the source; a source read whole keeps every row");
            });
            try (SplitReader reader = source.open(split, null, context)) {
                for (Batch batch = reader.next(WAIT); batch != null; batch = reader.next(WAIT)) {
                    try {
                        batches.accept(batch);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }
            }
        }
        return null;
    }
}
