package dev.muara.connector.mqtt;

import dev.muara.api.data.Batch;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.SplitReader;
import dev.muara.formats.message.MessageBatchBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Reads one subscription into batches and acknowledges each message only once a commit holds it, so a crash
 * leaves every unacknowledged message with the broker for the next session.
 *
 * <p>Position: how many messages this reader received. It means nothing to the next session (the broker redelivers
 * what was not acknowledged), so a stored position is not used to resume.
 */
final class MqttSplitReader implements SplitReader {

    /**
     * Bounds of how long a reader holding unacknowledged messages waits for more before it asks for a commit: a
     * broker's in-flight window (Mosquitto allows 20 by default) stops the flow until acknowledgements come back.
     * Within them the wait is four times the usual gap between messages, so a slow steady stream commits by
     * interval rather than after every message.
     */
    private static final long MIN_IDLE_NANOS = 5_000_000;
    private static final long MAX_IDLE_NANOS = 200_000_000;

    private final MqttSubscription subscription;
    private final MessageBatchBuilder builder;
    private final ReaderContext context;
    private final boolean metadata;
    private final ArrayDeque<Pending> unacknowledged = new ArrayDeque<>();
    private long received;
    private long lastArrival;
    /** Moving average of the gaps between messages that arrived with no acknowledgement in between. */
    private double gapNanos;
    private boolean acknowledgedSinceLastArrival;
    /**
     * Unacknowledged messages at which a commit is asked for at once: half the receive window, so the broker can go
     * on sending while the commit runs instead of the window filling up and the stream stalling until the next
     * checkpoint.
     */
    private final int commitAt;

    /** A message waiting for the commit that holds it. */
    private record Pending(long number, Runnable acknowledgement) {
    }

    MqttSplitReader(MqttSubscription subscription, MessageBatchBuilder builder, boolean metadata, int window,
            ReaderContext context) {
        this.subscription = subscription;
        this.commitAt = Math.max(1, window / 2);
        this.builder = builder;
        this.metadata = metadata;
        this.context = context;
    }

    @Override
    public Batch next(Duration maxWait) throws Exception {
        ReceivedMessage message = subscription.receive(unacknowledged.isEmpty() ? maxWait.toMillis() : idleMillis());
        if (message == null && !unacknowledged.isEmpty()) {
            context.requestCommit();
        }
        int limit = context.batchRows();
        while (message != null) {
            add(message);
            if (builder.rows() >= limit || unacknowledged.size() >= commitAt) {
                break;
            }
            message = subscription.receiveNow();
        }
        if (unacknowledged.size() >= commitAt) {
            context.requestCommit();
        }
        return builder.build();
    }

    private long idleMillis() {
        long nanos = (long) Math.min(MAX_IDLE_NANOS, Math.max(MIN_IDLE_NANOS, 4 * gapNanos));
        return Math.max(1, nanos / 1_000_000);
    }

    private void noteArrival() {
        long now = System.nanoTime();
        if (lastArrival != 0 && !acknowledgedSinceLastArrival) {
            long gap = now - lastArrival;
            gapNanos = gapNanos == 0 ? gap : 0.9 * gapNanos + 0.1 * gap;
        }
        lastArrival = now;
        acknowledgedSinceLastArrival = false;
    }

    private void add(ReceivedMessage message) {
        noteArrival();
        long number = ++received;
        Object[] values = metadata
                ? new Object[] {message.topic(), Instant.now(), message.qos(), message.retained()}
                : new Object[0];
        builder.add(message.payload(), values, (reason, original) -> context.reject(
                new RejectedRecord(message.topic() + " (message " + number + " of this session)", reason, original)));
        if (message.acknowledgement() != null) {
            unacknowledged.add(new Pending(number, message.acknowledgement()));
        }
    }

    @Override
    public String position() {
        return Long.toString(received);
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    /** Acknowledges, in the order received as MQTT requires, every message the commit holds. */
    @Override
    public void committed(String position) {
        long upTo = Long.parseLong(position);
        while (!unacknowledged.isEmpty() && unacknowledged.peek().number() <= upTo) {
            unacknowledged.poll().acknowledgement().run();
            acknowledgedSinceLastArrival = true;
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
