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
 * @param continuous whether the source runs until stopped (a stream)
 * @param latencyP50Millis median end-to-end latency of the last minute (commit time minus event or arrival
 *     time), or -1 when unknown
 * @param latencyP99Millis 99th percentile of the same, or -1
 * @param lag records the source holds beyond what was read (Kafka), or -1 when unknown
 */
public record RunProgress(long rowsRead, long rowsLoaded, long rowsRejected, long bytesRead, long bytesTotal,
        int splitsFinished, int splitsTotal, long elapsedMillis, boolean continuous, long latencyP50Millis,
        long latencyP99Millis, long lag) {
}
