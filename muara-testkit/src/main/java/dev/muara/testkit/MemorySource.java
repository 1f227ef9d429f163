package dev.muara.testkit;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source over batches held in memory, for engine and behaviour tests: each split is a list of batches, its
 * position the index of the next batch. Unbounded, it returns empty batches once its batches are used up, until
 * the run stops. It can reject records and fail on cue, and it counts what it hands out.
 */
public final class MemorySource implements Source {

    private final Boundedness boundedness;
    private String stream = "s";
    private final Map<String, List<Batch>> splits = new LinkedHashMap<>();
    private final Map<String, String> streamOfSplit = new LinkedHashMap<>();
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private final Map<String, String> fingerprints = new LinkedHashMap<>();
    private final Map<String, Integer> failAt = new LinkedHashMap<>();
    private final Map<String, Map<Integer, RejectedRecord>> rejects = new LinkedHashMap<>();
    private Duration delayPerBatch = Duration.ZERO;
    private boolean readAgainEachRun;
    private boolean requestCommits;
    private String eventTimeColumn;

    /** Batches handed out so far, by all readers. */
    public final AtomicLong batchesRead = new AtomicLong();
    /** Readers open at this moment. */
    public final AtomicInteger openReaders = new AtomicInteger();
    /** The most readers open at once. */
    public final AtomicInteger maxOpenReaders = new AtomicInteger();
    /** Positions passed to {@link SplitReader#committed}, in order. */
    public final List<String> committed = new CopyOnWriteArrayList<>();

    public MemorySource(Boundedness boundedness) {
        this.boundedness = boundedness;
    }

    /** Names the stream this source feeds; its connector calls it. */
    public MemorySource stream(String name) {
        this.stream = name;
        return this;
    }

    /** Adds a split holding {@code batches}. */
    public MemorySource split(String id, List<Batch> batches) {
        splits.put(id, new ArrayList<>(batches));
        fingerprints.put(id, "v1");
        return this;
    }

    /** Adds a split of {@code batchCount} batches of {@code rowsPerBatch} rows with ids from {@code firstId}. */
    public MemorySource numbered(String id, long firstId, int batchCount, int rowsPerBatch) {
        Schema schema = Schema.of(new dev.muara.api.data.Field("id", dev.muara.api.data.DataType.INT64));
        List<Batch> batches = new ArrayList<>();
        long next = firstId;
        for (int b = 0; b < batchCount; b++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r < rowsPerBatch; r++) {
                rows.add(Rows.row(next++));
            }
            batches.add(Rows.batch(schema, rows));
        }
        return split(id, batches);
    }

    /** Adds a split of a stream this source finds as it plans, as a source reading every table of a schema does. */
    public MemorySource discovered(String stream, String id, List<Batch> batches, String... key) {
        split(id, batches);
        streamOfSplit.put(id, stream);
        keys.put(stream, List.of(key));
        return this;
    }

    @Override
    public List<String> primaryKey(String stream) {
        return keys.getOrDefault(stream, List.of());
    }

    /** Changes what {@link Split#fingerprint()} says for a split, as a changed file would. */
    public MemorySource fingerprint(String id, String fingerprint) {
        fingerprints.put(id, fingerprint);
        return this;
    }

    /** Makes reading the batch at {@code index} of split {@code id} fail. */
    public MemorySource failAt(String id, int index) {
        failAt.put(id, index);
        return this;
    }

    /** Rejects {@code record} when the batch at {@code index} of split {@code id} is read. */
    public MemorySource rejectAt(String id, int index, RejectedRecord record) {
        rejects.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(index, record);
        return this;
    }

    /** Makes every split a full load, as a database table is: each new run reads it again from its start. */
    public MemorySource readAgainEachRun() {
        this.readAgainEachRun = true;
        return this;
    }

    /**
     * Makes an unbounded reader that has nothing new ask for a commit while batches it handed out are not yet
     * acknowledged, as a broker reader with a full in-flight window does.
     */
    public MemorySource requestCommits() {
        this.requestCommits = true;
        return this;
    }

    /** Names the column holding each row's event time, for the engine's latency figures. */
    public MemorySource withEventTimeColumn(String column) {
        this.eventTimeColumn = column;
        return this;
    }

    @Override
    public String eventTimeColumn(String stream) {
        return eventTimeColumn;
    }

    /** Makes every batch take this long to read. */
    public MemorySource delay(Duration perBatch) {
        this.delayPerBatch = perBatch;
        return this;
    }

    @Override
    public Boundedness boundedness() {
        return boundedness;
    }

    @Override
    public List<Split> plan(PlanContext context) {
        List<Split> list = new ArrayList<>();
        splits.keySet().forEach(id -> list.add(new Split(streamOfSplit.getOrDefault(id, stream), id, fingerprints.get(id),
                splits.get(id).size())));
        return list;
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext context) {
        List<Batch> batches = splits.get(split.id());
        int open = openReaders.incrementAndGet();
        maxOpenReaders.accumulateAndGet(open, Math::max);
        return new SplitReader() {
            int next = position == null ? 0 : Integer.parseInt(position);
            boolean ended;
            int acknowledged;

            @Override
            public Batch next(Duration maxWait) throws InterruptedException {
                if (next < batches.size()) {
                    if (failAt.getOrDefault(split.id(), -1) == next) {
                        throw MuaraException.data("planned failure at batch " + next).at(split.id());
                    }
                    RejectedRecord reject = rejects.getOrDefault(split.id(), Map.of()).get(next);
                    if (reject != null) {
                        context.reject(reject);
                    }
                    if (!delayPerBatch.isZero()) {
                        Thread.sleep(delayPerBatch.toMillis());
                    }
                    batchesRead.incrementAndGet();
                    return batches.get(next++);
                }
                if (boundedness == Boundedness.BOUNDED) {
                    ended = true;
                    return null;
                }
                if (requestCommits && acknowledged < next) {
                    // as a broker reader whose in-flight window is full: nothing more comes until it acknowledges
                    context.requestCommit();
                }
                Thread.sleep(Math.min(maxWait.toMillis(), 20));
                return Batch.empty(batches.isEmpty() ? Schema.EMPTY : batches.get(0).schema());
            }

            @Override
            public String position() {
                return readAgainEachRun && ended ? null : Integer.toString(next);
            }

            @Override
            public boolean isFinal() {
                return !readAgainEachRun;
            }

            @Override
            public long bytesRead() {
                return next;
            }

            @Override
            public void committed(String committedPosition) {
                if (committedPosition != null) {
                    acknowledged = Integer.parseInt(committedPosition);
                }
                committed.add(split.id() + "@" + committedPosition);
            }

            @Override
            public void close() {
                openReaders.decrementAndGet();
            }
        };
    }
}
