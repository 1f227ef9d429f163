package dev.muara.api.sink;

/**
 * What a writer knows of the run it belongs to.
 *
 * @param runId the run's identifier
 * @param resuming true when this run continues one that stopped before its last commit (a crash, a kill): a
 *     replace in progress then goes on into its staging table instead of starting again
 */
public record WriterContext(String runId, boolean resuming) {
}
