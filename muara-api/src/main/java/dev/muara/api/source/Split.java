package dev.muara.api.source;

/**
 * A unit of reading work: a file, a table range, a partition. Splits are read in parallel, each by one thread
 * at a time, and a split's position is what a checkpoint stores, so a run resumes each split where the last
 * commit left it.
 *
 * @param id stable name of the split within its stream, the same from run to run ({@code data/orders-1.csv})
 * @param fingerprint what the content behind the split looks like now (size and modification time of a file):
 *     a split whose fingerprint changed is read again from its start
 * @param sizeBytes the expected number of bytes, for progress and ETA; -1 when unknown
 */
public record Split(String id, String fingerprint, long sizeBytes) {
    public Split {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a split needs an id");
        }
        if (fingerprint == null) {
            fingerprint = "";
        }
    }
}
