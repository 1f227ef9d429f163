package dev.muara.core.config;

import dev.muara.api.option.Options;
import dev.muara.api.transform.TransformSetup;
import dev.muara.core.connector.BoundedSources;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated pipeline, frozen: what the engine runs.
 *
 * @param file the pipeline file
 * @param name the pipeline name
 * @param baseDirectory the pipeline file's folder; relative paths resolve against it
 * @param workDirectory where dead letters, run records and local state live
 * @param source the source connector and its connector-level options
 * @param target the target connector and its connector-level options
 * @param transforms the transform chain, in order
 * @param streams every stream the pipeline lists, with its source options and target
 * @param targets the target settings for any stream, including those a source finds as it plans
 * @param maxRejects rejected rows allowed before the run fails
 * @param maxRejectRatio the largest share of rejected rows, checked at the end of a run; null when not set
 * @param checkpointRows commit after this many rows
 * @param checkpointInterval commit after this much time; null for the engine's default (by source boundedness)
 * @param parallelism splits read at once
 * @param batchRows rows per batch
 * @param retry how transient faults are retried
 * @param warnings things that work but should be changed, such as a password written in clear
 * @param personalData the columns marked as personal data ({@code pii:}) and those the transforms protect
 */
public record PipelineConfig(Path file, String name, Path baseDirectory, Path workDirectory, ConnectorConfig source,
        ConnectorConfig target, List<ConnectorConfig> transforms, List<StreamConfig> streams, TargetSettings targets,
        long maxRejects, Double maxRejectRatio, long checkpointRows, Duration checkpointInterval, int parallelism,
        int batchRows, Retry retry, List<String> warnings, PersonalData personalData) {

    public PipelineConfig {
        transforms = List.copyOf(transforms);
        streams = List.copyOf(streams);
        warnings = List.copyOf(warnings);
    }

    /** This configuration with another parallelism, as {@code muara run --parallelism} sets it. */
    public PipelineConfig withParallelism(int newParallelism) {
        return new PipelineConfig(file, name, baseDirectory, workDirectory, source, target, transforms, streams, targets,
                maxRejects, maxRejectRatio, checkpointRows, checkpointInterval, newParallelism, batchRows, retry, warnings,
                personalData);
    }

    /**
     * What each transform of this pipeline is made with: the pipeline's name and folder, and {@code registry}'s
     * connectors to read the sources its options name (a lookup table), in batches of {@code batchRows}.
     */
    public TransformSetup transformSetup(ConnectorRegistry registry, Redactor redactor) {
        return new TransformSetup(name, baseDirectory, new BoundedSources(registry, name, baseDirectory, batchRows, redactor));
    }

    /**
     * How a run retries transient faults.
     *
     * @param attempts attempts in all (1: no retry)
     * @param backoff the first wait
     * @param maxBackoff the longest wait
     */
    public record Retry(int attempts, Duration backoff, Duration maxBackoff) {
    }

    /**
     * A connector and its options.
     *
     * @param type the connector type
     * @param options the options written at the connector level
     */
    public record ConnectorConfig(String type, Options options) {
    }
}
