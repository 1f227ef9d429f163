package dev.muara.core.engine;

/**
 * A snapshot of a running pipeline, for progress bars and log lines.
 *
 * @param rowsRead rows read so far
 * @param rowsLoaded rows committed so far
 * @param rowsRejected rows rejected so far
 * @param bytesRead source bytes read so far
 * @param bytesTotal source bytes this run expects to read, or -1 when unknown (streams)
 * @param splitsFinished splits read to their end
 * @param splitsTotal splits this run reads
 * @param elapsedMillis time since the run started reading
 */
public record RunProgress(long rowsRead, long rowsLoaded, long rowsRejected, long bytesRead, long bytesTotal,
        int splitsFinished, int splitsTotal, long elapsedMillis) {
}
