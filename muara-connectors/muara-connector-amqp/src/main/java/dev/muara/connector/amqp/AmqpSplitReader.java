package dev.muara.connector.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import dev.muara.api.data.Batch;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.SplitReader;
import dev.muara.formats.message.MessageBatchBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads one queue into batches and acknowledges its messages only once a commit holds them, so a crash leaves
 * every unacknowledged message in the queue for the next connection.
 *
 * <p>Position: {@code <session>/<delivery tag>} of the last message returned. Delivery tags count the messages of
 * one channel, so a position means nothing to another session (the broker redelivers what was not acknowledged): a
 * stored position is not used to resume, and a commit of another session's position acknowledges nothing.
 */
final class AmqpSplitReader implements SplitReader {

    private final QueueConsumer consumer;
    private final MessageBatchBuilder builder;
    private final boolean metadata;
    private final AmqpSettings settings;
    private final ReaderContext context;
    private final String session = UUID.randomUUID().toString().substring(0, 8);
    private long lastTag;
    private long acknowledgedTag;
    private long bytes;

    AmqpSplitReader(QueueConsumer consumer, MessageBatchBuilder builder, boolean metadata, AmqpSettings settings,
            ReaderContext context) {
        this.consumer = consumer;
        this.builder = builder;
        this.metadata = metadata;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public Batch next(Duration maxWait) throws Exception {
        if (lastTag - acknowledgedTag >= settings.prefetch()) {
            // the prefetch window is full: the broker sends nothing more until a commit lets this reader acknowledge
            context.requestCommit();
            return builder.build();
        }
        Delivery delivery = consumer.receive(maxWait.toMillis());
        int limit = context.batchRows();
        while (delivery != null) {
            add(delivery);
            if (builder.rows() >= limit) {
                break;
            }
            delivery = consumer.receiveNow();
        }
        return builder.build();
    }

    private void add(Delivery delivery) {
        Envelope envelope = delivery.getEnvelope();
        long tag = envelope.getDeliveryTag();
        Object[] values = new Object[0];
        if (metadata) {
            AMQP.BasicProperties properties = delivery.getProperties();
            values = new Object[] {envelope.getExchange(), envelope.getRoutingKey(), properties.getMessageId(),
                    properties.getTimestamp() == null ? null : properties.getTimestamp().toInstant(), Instant.now(),
                    envelope.isRedeliver()};
        }
        builder.add(delivery.getBody(), values, (reason, original) -> context.reject(new RejectedRecord(
                "queue " + settings.queue() + " (delivery " + tag + " of this session)", reason, original)));
        lastTag = tag;
        bytes += delivery.getBody().length;
    }

    @Override
    public String position() {
        return session + "/" + lastTag;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    /** Acknowledges, with one multiple acknowledgement, every message up to the committed one. */
    @Override
    public void committed(String position) {
        int slash = position.indexOf('/');
        if (slash < 0 || !position.substring(0, slash).equals(session)) {
            return;
        }
        long tag = Long.parseLong(position.substring(slash + 1));
        if (tag > acknowledgedTag) {
            consumer.acknowledgeUpTo(tag);
            acknowledgedTag = tag;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
