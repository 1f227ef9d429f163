package dev.muara.api.source;

/**
 * A unit of reading work: a file, a table range, a partition. Splits are read in parallel, each by one thread
 * at a time, and a split's position is what a checkpoint stores, so a run resumes each split where the last
 * commit left it.
 *
 * @param stream the stream the split's rows belong to: the source's own stream, or, for a source that finds its
 *     streams as it plans (the tables matching a pattern), the stream it found
 * @param id stable name of the split within its stream, the same from run to run ({@code data/orders-1.csv})
 * @param fingerprint what the content behind the split looks like now (size and modification time of a file):
 *     a split whose fingerprint changed is read again from its start
 * @param sizeBytes the expected number of bytes, for progress and ETA; -1 when unknown
 */
public record Split(String stream, String id, String fingerprint, long sizeBytes) {
    public Split {
        if (stream == null || stream.isEmpty()) {
            throw new IllegalArgumentException("a split needs a stream");
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a split needs an id");
        }
        if (fingerprint == null) {
            fingerprint = "";
        }
    }
}
