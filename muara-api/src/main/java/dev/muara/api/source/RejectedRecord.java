package dev.muara.api.source;

/**
 * A record that could not be read or converted. It goes to the dead-letter store instead of failing the run,
 * until the pipeline's reject limit is passed.
 *
 * @param location where it was: {@code data/orders.csv:1204}, {@code topic/3@5512}
 * @param reason why it was rejected, one sentence
 * @param original the record as it arrived (the raw line or message text), for repair and replay
 */
public record RejectedRecord(String location, String reason, String original) {
}
