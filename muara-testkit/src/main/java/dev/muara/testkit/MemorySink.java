package dev.muara.testkit;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StateStore;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.SupportsTransactionalState;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transactional sink in memory, for engine tests: rows are pending until {@code commit}, which applies them
 * (append, merge on the key, or replace at the last checkpoint) and the state to its {@link MemoryStore} at once.
 * It can be slowed down, fail on a given checkpoint, and count rows written but not yet committed.
 */
public class MemorySink implements Sink {

    private final SinkContext context;
    private final MemoryStore store;
    private Duration delayPerBatch = Duration.ZERO;
    private long failOnCheckpoint = -1;
    private boolean transientFault;

    /** Batches written so far. */
    public final AtomicLong batchesWritten = new AtomicLong();

    public MemorySink(SinkContext context, MemoryStore store) {
        this.context = context;
        this.store = store;
    }

    /** A memory sink that also keeps the pipeline state with its data, as a transactional database does. */
    public static MemorySink transactional(SinkContext context, MemoryStore store) {
        return new Transactional(context, store);
    }

    public MemorySink delay(Duration perBatch) {
        this.delayPerBatch = perBatch;
        return this;
    }

    public MemorySink failOnCheckpoint(long id) {
        this.failOnCheckpoint = id;
        return this;
    }

    /** Makes the commit of checkpoint {@code id} fail with a transient fault, as a dropped connection does. */
    public MemorySink failTransientlyOnCheckpoint(long id) {
        this.failOnCheckpoint = id;
        this.transientFault = true;
        return this;
    }

    @Override
    public SinkWriter open(WriterContext run) {
        Map<String, StreamTarget> targets = new LinkedHashMap<>();
        run.streams().forEach(t -> targets.put(t.stream(), t));
        if (!run.resuming()) {
            run.streams().stream().filter(t -> t.write() == WriteMode.REPLACE).forEach(t -> store.clearStaging(t.table()));
        }
        return new SinkWriter() {
            final Map<String, List<List<Object>>> pending = new LinkedHashMap<>();
            final Map<String, Schema> schemas = new LinkedHashMap<>();

            @Override
            public void write(String stream, Batch batch) throws InterruptedException {
                if (!delayPerBatch.isZero()) {
                    Thread.sleep(delayPerBatch.toMillis());
                }
                StreamTarget target = targets.get(stream);
                Schema known = schemas.getOrDefault(target.table(), store.schema(target.table()));
                Schema merged = merge(known, batch.schema());
                schemas.put(target.table(), merged);
                List<List<Object>> rows = pending.computeIfAbsent(target.table(), t -> new ArrayList<>());
                for (List<Object> row : Rows.of(batch)) {
                    List<Object> full = new ArrayList<>();
                    for (Field field : merged.fields()) {
                        int i = batch.schema().indexOf(field.name());
                        full.add(i < 0 ? null : row.get(i));
                    }
                    rows.add(full);
                }
                batchesWritten.incrementAndGet();
            }

            @Override
            public CommitResult commit(Checkpoint checkpoint) {
                if (checkpoint.id() <= store.lastCheckpoint() && store.lastCheckpoint() > 0) {
                    pending.clear();
                    return CommitResult.ALREADY_COMMITTED;
                }
                if (checkpoint.id() == failOnCheckpoint) {
                    MuaraException failure = MuaraException.connection("planned failure at checkpoint " + checkpoint.id(), null);
                    throw transientFault ? failure.retriable() : failure;
                }
                Map<String, List<List<Object>>> added = new LinkedHashMap<>();
                Map<String, List<List<Object>>> replaced = new LinkedHashMap<>();
                Map<String, List<List<Object>>> staged = new LinkedHashMap<>();
                for (Map.Entry<String, List<List<Object>>> e : pending.entrySet()) {
                    StreamTarget target = targetOf(e.getKey());
                    switch (target.write()) {
                        case APPEND -> added.put(e.getKey(), e.getValue());
                        case MERGE -> replaced.put(e.getKey(), merged(target, e.getKey(), e.getValue()));
                        case REPLACE -> staged.put(e.getKey(), e.getValue());
                    }
                }
                if (checkpoint.last()) {
                    for (StreamTarget target : targets.values()) {
                        if (target.write() == WriteMode.REPLACE) {
                            List<List<Object>> rows = store.staging(target.table());
                            rows.addAll(staged.getOrDefault(target.table(), List.of()));
                            replaced.put(target.table(), rows);
                        }
                    }
                }
                store.commit(replaced, added, staged, schemas, checkpoint.id(), checkpoint.state());
                pending.clear();
                return CommitResult.COMMITTED;
            }

            private StreamTarget targetOf(String table) {
                return targets.values().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
            }

            private List<List<Object>> merged(StreamTarget target, String table, List<List<Object>> incoming) {
                Schema schema = schemas.get(table);
                List<Integer> keys = target.primaryKey().stream().map(schema::indexOf).toList();
                Map<List<Object>, List<Object>> byKey = new LinkedHashMap<>();
                for (List<Object> row : store.table(table)) {
                    List<Object> padded = new ArrayList<>(row);
                    while (padded.size() < schema.size()) {
                        padded.add(null);
                    }
                    byKey.put(key(padded, keys), padded);
                }
                for (List<Object> row : incoming) {
                    byKey.put(key(row, keys), row);
                }
                return new ArrayList<>(byKey.values());
            }

            private List<Object> key(List<Object> row, List<Integer> keys) {
                List<Object> key = new ArrayList<>();
                keys.forEach(k -> key.add(row.get(k)));
                return key;
            }

            @Override
            public void addStream(StreamTarget target) {
                targets.put(target.stream(), target);
                if (!run.resuming() && target.write() == WriteMode.REPLACE) {
                    store.clearStaging(target.table());
                }
            }

            @Override
            public Optional<Schema> tableSchema(String stream) {
                StreamTarget target = targets.get(stream);
                return Optional.ofNullable(schemas.getOrDefault(target.table(), store.schema(target.table())));
            }

            @Override
            public void abort() {
                pending.clear();
            }

            @Override
            public void close() {
                pending.clear();
            }
        };
    }

    private static Schema merge(Schema known, Schema incoming) {
        if (known == null) {
            return incoming;
        }
        List<Field> fields = new ArrayList<>(known.fields());
        for (Field field : incoming.fields()) {
            if (known.indexOf(field.name()) < 0) {
                fields.add(field);
            }
        }
        return new Schema(fields);
    }

    /** The transactional flavour: the state lives in the store, committed with the data. */
    private static final class Transactional extends MemorySink implements SupportsTransactionalState {
        private final MemoryStore store;

        Transactional(SinkContext context, MemoryStore store) {
            super(context, store);
            this.store = store;
        }

        @Override
        public StateStore stateStore() {
            return new StateStore() {
                @Override
                public Optional<String> load() {
                    return Optional.ofNullable(store.state());
                }

                @Override
                public void reset() {
                    store.resetState();
                }
            };
        }
    }
}
