package dev.muara.connector.kafka;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.SinkWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends each row as a JSON record, and at each commit waits until every record sent is acknowledged by all in-sync
 * replicas: a record that failed fails the commit, so a checkpoint is only taken once its rows are in Kafka. A
 * producer cannot take records back: {@link #abort()} leaves those sent since the last commit to arrive, and the
 * engine sends them again from the last checkpoint (at-least-once).
 */
final class KafkaWriter implements SinkWriter {

    /**
     * Where a stream's rows go.
     *
     * @param topic the topic
     * @param keyColumn the column whose text is each record's key, or null for records without a key
     * @param options the stream's target options, for messages
     */
    record Route(String topic, String keyColumn, Options options) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, Route> routes;
    private final ClientSettings client;
    private final RowJson json = new RowJson();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback callback = (metadata, e) -> {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    };
    private long lastCheckpoint = -1;

    KafkaWriter(KafkaProducer<byte[], byte[]> producer, Map<String, Route> routes, ClientSettings client) {
        this.producer = producer;
        this.routes = Map.copyOf(routes);
        this.client = client;
    }

    @Override
    public void write(String stream, Batch batch) {
        Route route = routes.get(stream);
        if (route == null) {
            throw MuaraException.internal("the target was not opened for stream " + stream, null);
        }
        failIfSendFailed(route.topic());
        Column key = null;
        if (route.keyColumn() != null) {
            key = batch.column(route.keyColumn());
            if (key == null) {
                throw route.options().invalid(KafkaOptions.KEY_COLUMN, "stream " + stream + " has no column '"
                        + route.keyColumn() + "'; its columns are " + String.join(", ", batch.schema().names()));
            }
        }
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                byte[] keyBytes = key == null || key.isNull(row) ? null : key.text(row).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(route.topic(), keyBytes, json.encode(batch, row)), callback);
            }
        } catch (KafkaException e) {
            throw KafkaFailures.of("cannot send to " + route.topic(), e, client);
        }
    }

    @Override
    public CommitResult commit(Checkpoint checkpoint) {
        if (checkpoint.id() <= lastCheckpoint) {
            return CommitResult.ALREADY_COMMITTED;
        }
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw KafkaFailures.of("cannot flush the records sent", e, client);
        }
        failIfSendFailed(null);
        lastCheckpoint = checkpoint.id();
        return CommitResult.COMMITTED;
    }

    private void failIfSendFailed(String topic) {
        Exception e = failure.getAndSet(null);
        if (e != null) {
            throw KafkaFailures.of(topic == null ? "a record was not written" : "a record for " + topic + " was not written", e, client);
        }
    }

    @Override
    public void abort() {
        failure.set(null);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
