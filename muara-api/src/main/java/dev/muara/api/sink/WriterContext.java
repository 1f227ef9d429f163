package dev.muara.api.sink;

import java.util.List;

/**
 * What a writer knows of the run it belongs to.
 *
 * @param runId the run's identifier, also the load id written with the rows
 * @param resuming true when this run continues one that stopped before its last commit (a crash, a kill): a
 *     replace in progress then goes on into its staging table instead of starting again
 * @param streams every stream the run writes, with its table, write mode and key; known once the sources have
 *     planned, since a source may find its streams then
 */
public record WriterContext(String runId, boolean resuming, List<StreamTarget> streams) {
    public WriterContext {
        streams = List.copyOf(streams);
    }
}
