package dev.muara.core.config;

import dev.muara.api.option.Options;
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
 * @param streams every stream, with its source options and target
 * @param maxRejects rejected rows allowed before the run fails
 * @param maxRejectRatio the largest share of rejected rows, checked at the end of a run; null when not set
 * @param checkpointRows commit after this many rows
 * @param checkpointInterval commit after this much time
 * @param parallelism splits read at once
 * @param batchRows rows per batch
 * @param warnings things that work but should be changed, such as a password written in clear
 */
public record PipelineConfig(Path file, String name, Path baseDirectory, Path workDirectory, ConnectorConfig source,
        ConnectorConfig target, List<ConnectorConfig> transforms, List<StreamConfig> streams, long maxRejects,
        Double maxRejectRatio, long checkpointRows, Duration checkpointInterval, int parallelism, int batchRows,
        List<String> warnings) {

    public PipelineConfig {
        transforms = List.copyOf(transforms);
        streams = List.copyOf(streams);
        warnings = List.copyOf(warnings);
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
