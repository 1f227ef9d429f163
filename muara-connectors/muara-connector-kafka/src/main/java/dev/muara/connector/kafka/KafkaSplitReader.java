package dev.muara.connector.kafka;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Field;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.SplitReader;
import dev.muara.connector.kafka.avro.AvroBatchBuilder;
import dev.muara.formats.message.MessageBatchBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition with a consumer of its own. The consumer is assigned its partition rather than subscribing,
 * so there is no group membership and no rebalancing: the engine decides which reader reads which partition, and a
 * reader the engine blocks (a slow target) is never evicted for polling too rarely.
 *
 * <p>It starts at the position the pipeline state gives, else at the group's committed offset, else as
 * {@code start} says. After each checkpoint the engine reports as committed, it commits that offset to the group
 * too, so that tools that watch consumer groups see the progress; the state in the target stays the truth.
 */
final class KafkaSplitReader implements SplitReader {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSplitReader.class);

    /** What a fetch holds at most, so a reader's memory stays bounded whatever the record sizes. */
    private static final String FETCH_MAX_BYTES = Integer.toString(4 << 20);

    private final ClientSettings client;
    private final TopicPartition partition;
    private final String location;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordRows rows;
    private final ReaderContext context;
    private final boolean metadata;
    private long next;
    private long bytesRead;
    private long committed = -1;
    private boolean commitFailing;

    private KafkaSplitReader(ClientSettings client, TopicPartition partition, KafkaConsumer<byte[], byte[]> consumer,
            RecordRows rows, ReaderContext context, boolean metadata) {
        this.client = client;
        this.partition = partition;
        this.location = partition.topic() + "/" + partition.partition();
        this.consumer = consumer;
        this.rows = rows;
        this.context = context;
        this.metadata = metadata;
    }

    /** A reader of {@code topic}'s {@code partition} at {@code position} (the next offset), or where it should start. */
    static KafkaSplitReader open(String pipeline, ClientSettings client, ReadSettings read, String topic, int partition,
            String position, ReaderContext context) {
        Properties p = client.properties();
        p.setProperty("group.id", read.groupId());
        p.setProperty("client.id", "muara-" + pipeline + "-" + topic + "-" + partition);
        p.setProperty("enable.auto.commit", "false");
        // an offset that no longer exists is handled here, never silently reset
        p.setProperty("auto.offset.reset", "none");
        p.setProperty("allow.auto.create.topics", "false");
        // records of aborted transactions are never loaded
        p.putIfAbsent("isolation.level", "read_committed");
        p.putIfAbsent("max.poll.records", Integer.toString(Math.max(1, context.batchRows())));
        p.putIfAbsent("fetch.max.bytes", FETCH_MAX_BYTES);
        List<Field> fields = read.metadata() ? KafkaSource.METADATA : List.of();
        RecordRows rows;
        if (read.avroSchema() != null) {
            AvroBatchBuilder avro = new AvroBatchBuilder(read.avroSchema(), fields, context.batchRows());
            rows = RecordRows.of(avro::add, avro::build);
        } else {
            MessageBatchBuilder message = new MessageBatchBuilder(read.payload(), fields, context.batchRows());
            rows = RecordRows.of(message::add, message::build);
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaSplitReader reader = new KafkaSplitReader(client, tp, consumer, rows, context, read.metadata());
        try {
            consumer.assign(List.of(tp));
            reader.seek(position, read.start());
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e instanceof MuaraException m ? m : KafkaFailures.of("cannot start reading " + reader.location, e, client);
        }
    }

    private void seek(String position, ReadSettings.Start start) {
        if (position != null) {
            consumer.seek(partition, parse(position));
        } else {
            OffsetAndMetadata group = consumer.committed(Set.of(partition), client.timeout()).get(partition);
            if (group != null) {
                consumer.seek(partition, group.offset());
            } else if (start.time() != null) {
                OffsetAndTimestamp at = consumer.offsetsForTimes(Map.of(partition, start.time().toEpochMilli()), client.timeout())
                        .get(partition);
                if (at != null) {
                    consumer.seek(partition, at.offset());
                } else {
                    consumer.seekToEnd(List.of(partition));
                }
            } else if (start.latest()) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
        // resolves a seek to the beginning or end now, so "latest" means when the reader opened
        next = consumer.position(partition, client.timeout());
    }

    private long parse(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw MuaraException.data("the stored position '" + position + "' is not an offset").at(location)
                    .withHint("the pipeline state was written by another source: run muara state reset");
        }
    }

    @Override
    public Batch next(Duration maxWait) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(maxWait);
        } catch (OffsetOutOfRangeException e) {
            try {
                skipToExistingOffset();
            } catch (KafkaException again) {
                throw KafkaFailures.of("cannot read " + location, again, client);
            }
            return rows.build();
        } catch (KafkaException e) {
            throw KafkaFailures.of("cannot read " + location, e, client);
        }
        for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
            add(record);
            next = record.offset() + 1;
        }
        try {
            // past transaction markers and aborted records too, which poll skips without returning
            next = Math.max(next, consumer.position(partition, Duration.ZERO));
        } catch (TimeoutException e) {
            // the position is being reset; the next poll settles it
        }
        return rows.build();
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        bytesRead += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        if (record.value() == null) {
            // a tombstone: it deletes its key from a compacted topic and holds no row
            return;
        }
        Object[] values = metadata ? new Object[] {record.topic(), record.partition(), record.offset(),
            record.timestamp() < 0 ? null : Math.multiplyExact(record.timestamp(), 1000L),
            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), headers(record)} : new Object[0];
        String where = location + "@" + record.offset();
        rows.add(record.value(), values, (reason, original) -> context.reject(new RejectedRecord(where, reason, original)));
    }

    /** The headers as a JSON object of UTF-8 texts (the last value of a repeated name); null when there are none. */
    private static String headers(ConsumerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        if (headers.length == 0) {
            return null;
        }
        Map<String, String> last = new LinkedHashMap<>();
        for (Header header : headers) {
            last.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        StringBuilder json = new StringBuilder().append('{');
        for (Map.Entry<String, String> header : last.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(Column.quote(header.getKey())).append(':')
                    .append(header.getValue() == null ? "null" : Column.quote(header.getValue()));
        }
        return json.append('}').toString();
    }

    /**
     * The next offset is gone: retention deleted records before they were read (go on from the oldest one left, and
     * say how many were lost), or the log was cut back below it (an unclean leader election), which needs a person.
     */
    private void skipToExistingOffset() {
        long first = consumer.beginningOffsets(List.of(partition), client.timeout()).get(partition);
        long end = consumer.endOffsets(List.of(partition), client.timeout()).get(partition);
        if (next < first) {
            LOG.warn("{}: {} records (offsets {} to {}) were deleted by the topic's retention before they were read; "
                    + "reading on from offset {}", location, first - next, next, first - 1, first);
            consumer.seek(partition, first);
            next = first;
            return;
        }
        throw MuaraException.data("the next offset to read, " + next + ", is past the end of the partition (" + end + ")")
                .at(location)
                .withHint("the partition's log was cut back, for example by an unclean leader election; run muara state "
                        + "reset to read the topic again from the start, or set start: latest");
    }

    @Override
    public String position() {
        return Long.toString(next);
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    @Override
    public void committed(String position) {
        long offset = parse(position);
        if (offset <= committed) {
            return;
        }
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)), client.timeout());
            committed = offset;
            commitFailing = false;
        } catch (KafkaException e) {
            // the data and its position are committed in the target; the group's offset only informs other tools
            if (!commitFailing) {
                LOG.warn("{}: cannot commit offset {} to the consumer group (monitoring tools will lag behind; the "
                        + "pipeline state is unaffected): {}", location, offset, e.getMessage());
                commitFailing = true;
            }
        }
    }

    @Override
    public long lag() {
        return consumer.currentLag(partition).orElse(-1);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
