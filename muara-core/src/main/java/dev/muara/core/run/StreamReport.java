package dev.muara.core.run;

import java.util.List;

/**
 * What a run did with one stream.
 *
 * @param stream the stream name
 * @param table the target table
 * @param write the write mode
 * @param splits splits the source holds (files, ranges, partitions)
 * @param splitsSkipped splits skipped because they were loaded before and have not changed
 * @param splitsFinished splits read to their end in this run
 * @param rowsRead rows read from the source, rejected ones included
 * @param rowsLoaded rows committed to the target
 * @param rowsRejected rows sent to the dead-letter file
 * @param bytesRead source bytes read
 * @param durationMillis time from the stream's first to its last batch
 * @param quality the data quality rules of the stream's transforms, in the order first reported
 */
public record StreamReport(String stream, String table, String write, int splits, int splitsSkipped,
        int splitsFinished, long rowsRead, long rowsLoaded, long rowsRejected, long bytesRead, long durationMillis,
        List<QualityReport> quality) {

    public StreamReport {
        quality = quality == null ? List.of() : List.copyOf(quality);
    }
}
