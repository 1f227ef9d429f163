package dev.muara.core.engine;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StateStore;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.SupportsTransactionalState;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.api.transform.TransformContext;
import dev.muara.core.config.PersonalData;
import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.SchemaPolicy;
import dev.muara.core.config.StreamConfig;
import dev.muara.core.config.StreamSettings;
import dev.muara.core.connector.ConnectorFailures;
import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.deadletter.DeadLetterWriter;
import dev.muara.core.redact.Redactor;
import dev.muara.core.run.RunRecord;
import dev.muara.core.run.RunStatus;
import dev.muara.core.run.RunStore;
import dev.muara.core.run.StreamReport;
import dev.muara.core.state.LocalStateStore;
import dev.muara.core.state.PipelineState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline once: plans the splits still to read, reads them in parallel, moves batches through a bounded
 * queue to the single writer, and commits checkpoints (data, split positions and state together) every N rows or
 * T milliseconds and at the end.
 *
 * <p>Threads: {@code parallelism} reader threads each take a split, read it batch by batch, apply the transforms
 * (for a split that ends, on a thread of the split's own, so reading and transforming overlap) and put the batches
 * on the queue, blocking when it is full, so a slow target slows the readers instead of
 * filling memory. The thread that calls {@link #run()} is the writer: it writes batches in queue order, which
 * keeps each split's batches in order, and it alone touches the sink and the state.
 *
 * <p>A stop request ({@link #stop()}, from a signal) lets every reader finish its current batch; the writer then
 * commits what it has and the run ends as stopped, to be resumed by the next run. A transient fault (a connector's
 * {@linkplain MuaraException#isRetriable() retriable} error) rolls back to the last checkpoint and the run tries
 * again, with exponential backoff and jitter, up to the configured number of attempts.
 */
public final class PipelineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long UNBOUNDED_CLOSE_WAIT_SECONDS = 60;
    /** A stream commits at least this often unless checkpoint.interval says otherwise: seconds of latency. */
    static final Duration STREAM_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Files and tables commit at least this often unless checkpoint.interval says otherwise. */
    static final Duration BATCH_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration STREAM_COMMIT_LOG_INTERVAL = Duration.ofSeconds(10);
    /** The key of a child table under {@code write: merge}: a parent row's list holds one element per index. */
    static final List<String> CHILD_KEY = List.of("_muara_parent_id", "_muara_list_index");

    private final PipelineConfig config;
    private final ConnectorRegistry registry;
    private final Redactor redactor;

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Map<String, StreamStats> stats = new ConcurrentHashMap<>();
    private final List<String> streamOrder = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong rejectedTotal = new AtomicLong();
    private volatile long bytesTotal = -1;
    /** Splits the run's first plan gave to read (a retry reads fewer, but they are the same run's). */
    private volatile int splitsTotal = -1;
    private volatile long readingStarted;
    private long checkpoints;
    private boolean nothingToLoad;
    private volatile boolean unbounded;
    private final LatencyWindow latency = new LatencyWindow(30_000);
    /** The last lag each open reader reported, by work item; -1 when its source cannot tell. */
    private final Map<String, Long> lags = new ConcurrentHashMap<>();

    public PipelineRunner(PipelineConfig config, ConnectorRegistry registry, Redactor redactor) {
        this.config = config;
        this.registry = registry;
        this.redactor = redactor;
        SourceConnector source = registry.source(config.source().type());
        for (StreamConfig stream : config.streams()) {
            if (!source.discoversStreams(stream.sourceOptions())) {
                statsFor(stream.name(), stream.target());
            }
        }
    }

    private StreamStats statsFor(String stream, StreamTarget target) {
        return stats.computeIfAbsent(stream, name -> {
            streamOrder.add(name);
            return new StreamStats(name, target);
        });
    }

    /** Asks the run to stop after the batches in flight, commit them and end. Safe from any thread. */
    public void stop() {
        stopRequested.set(true);
    }

    public boolean isStopRequested() {
        return stopRequested.get();
    }

    /** Where the run stands now. Safe from any thread. */
    public RunProgress progress() {
        long read = 0;
        long loaded = 0;
        long rejected = 0;
        for (StreamStats s : stats.values()) {
            read += s.rowsRead.get();
            loaded += s.rowsLoaded.get();
            rejected += s.rejected.get();
        }
        long started = readingStarted;
        long now = System.currentTimeMillis();
        long lag = -1;
        for (long l : lags.values()) {
            if (l >= 0) {
                lag = Math.max(lag, 0) + l;
            }
        }
        int finished = 0;
        for (StreamStats s : stats.values()) {
            finished += s.finished.size();
        }
        return new RunProgress(read, loaded, rejected, bytesRead.get(), bytesTotal, finished, Math.max(0, splitsTotal),
                started == 0 ? 0 : now - started, unbounded, latency.percentile(0.5, now), latency.percentile(0.99, now), lag);
    }

    /** Runs the pipeline to its end (or until stopped or failed) and records the run. Never throws for a failed run. */
    public RunResult run() {
        String runId = RunIds.next();
        Instant started = Instant.now();
        RunStore runs = new RunStore(config.workDirectory(), redactor);
        runs.closeAbandoned(runId);
        runs.save(record(runId, started, null, RunStatus.RUNNING, null, null));
        DeadLetterWriter deadLetters = new DeadLetterWriter(config.workDirectory().resolve("dead-letter"), runId, redactor);
        LoadColumns loadColumns = new LoadColumns(runId, started);
        RunStatus status;
        MuaraException error = null;
        try {
            status = runWithRetries(runId, deadLetters, loadColumns);
        } catch (MuaraException e) {
            error = e;
            status = RunStatus.FAILED;
        } catch (RuntimeException | Error e) {
            error = MuaraException.internal(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            status = RunStatus.FAILED;
        } finally {
            deadLetters.close();
        }
        String message = error == null ? null : redactor.redact(error.describe());
        RunRecord record = record(runId, started, Instant.now(), status, message,
                deadLetters.count() > 0 ? deadLetters.file().toString() : null);
        runs.save(record);
        return new RunResult(record, error, Duration.between(started, Instant.now()).toMillis(), unbounded);
    }

    private RunStatus runWithRetries(String runId, DeadLetterWriter deadLetters, LoadColumns loadColumns) {
        int attempts = config.retry().attempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return new Execution(runId, deadLetters, loadColumns).execute();
            } catch (MuaraException e) {
                if (!e.isRetriable() || attempt >= attempts || stopRequested.get()) {
                    throw e;
                }
                long wait = backoff(attempt);
                LOG.warn("transient fault ({}); attempt {} of {} starts from the last checkpoint in {}", redactor.redact(e.describe()),
                        attempt + 1, attempts, Duration.ofMillis(wait));
                sleepUnlessStopped(wait);
                if (stopRequested.get()) {
                    throw e;
                }
            }
        }
    }

    /** The wait before attempt {@code attempt + 1}: doubling from the configured backoff, capped, with full jitter on half. */
    private long backoff(int attempt) {
        long base = config.retry().backoff().toMillis();
        long cap = config.retry().maxBackoff().toMillis();
        long wait = Math.min(cap, base << Math.min(attempt - 1, 30));
        return wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    }

    private void sleepUnlessStopped(long millis) {
        long end = System.currentTimeMillis() + millis;
        try {
            while (!stopRequested.get() && System.currentTimeMillis() < end) {
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunRecord record(String runId, Instant started, Instant ended, RunStatus status, String error,
            String deadLetterFile) {
        List<StreamReport> reports = new ArrayList<>();
        for (String name : streamOrder) {
            reports.add(stats.get(name).report());
        }
        return new RunRecord(runId, config.name(), started.toString(), ended == null ? null : ended.toString(), status,
                error, checkpoints, nothingToLoad, deadLetterFile, reports);
    }

    /** One attempt at the run; a separate object so a retry starts from fresh connections and the last checkpoint. */
    private final class Execution {

        private final String runId;
        private final DeadLetterWriter deadLetters;
        private final LoadColumns loadColumns;
        private final Map<String, Source> sourceOfStream = new LinkedHashMap<>();
        private final List<Source> sources = new ArrayList<>();
        /** Written by the planner and, for child streams, the writer; read by reader threads too. */
        private final Map<String, StreamSettings> settings = Collections.synchronizedMap(new LinkedHashMap<>());
        /** The child streams that transforms emitted, each with the stream it derives from. */
        private final Map<String, String> childStreams = new HashMap<>();
        /** What makes a batch's origin unique to the run reading it, yet the same when a resumed run reads it again. */
        private String generation;
        private final BlockingQueue<Envelope> queue;
        private final Map<String, LinkedBlockingQueue<String>> mailboxes = new ConcurrentHashMap<>();
        private final Map<String, WorkItem> inFlight = new LinkedHashMap<>();
        private final Map<String, String> latestPositions = new LinkedHashMap<>();
        private final AtomicBoolean writerGone = new AtomicBoolean();
        private final AtomicBoolean halted = new AtomicBoolean();
        private final AtomicReference<MuaraException> failure = new AtomicReference<>();
        private final CountDownLatch finalCommit = new CountDownLatch(1);
        private TransformChain transforms;
        private PipelineState state;
        private SinkWriter writer;
        private LocalStateStore localState;
        private long rowsSinceCommit;
        /** Whether a reader's position changed since the last commit. */
        private boolean positionsMoved;
        private long lastCommit;
        private final AtomicBoolean commitRequested = new AtomicBoolean();
        private long lastCommitLog = System.nanoTime() - STREAM_COMMIT_LOG_INTERVAL.toNanos();
        /** Event times (epoch microseconds) of the rows written since the last commit. */
        private long[] pendingEventTimes = new long[1024];
        private int pendingEvents;
        private final Map<String, String> eventTimeColumns = new ConcurrentHashMap<>();
        private Duration checkpointInterval;

        Execution(String runId, DeadLetterWriter deadLetters, LoadColumns loadColumns) {
            this.runId = runId;
            this.deadLetters = deadLetters;
            this.loadColumns = loadColumns;
            this.queue = new ArrayBlockingQueue<>(Math.max(2, config.parallelism() * 2));
        }

        /** The readers to run: every split of a stream at once (each runs until stopped), else {@code parallelism}. */
        private int readerThreads(int splits) {
            return unbounded ? splits : Math.max(1, Math.min(config.parallelism(), splits));
        }

        private boolean stopping() {
            return halted.get() || stopRequested.get();
        }

        RunStatus execute() {
            SinkConnector sinkConnector = registry.sink(config.target().type());
            try (Sink sink = guard(config.target().type(),
                    () -> sinkConnector.create(new SinkContext(config.name(), config.baseDirectory()), config.target().options()))) {
                StateStore store;
                if (sink instanceof SupportsTransactionalState transactional) {
                    store = transactional.stateStore();
                } else {
                    localState = new LocalStateStore(config.workDirectory());
                    store = localState;
                }
                state = guard(config.target().type(), () -> store.load()).map(PipelineState::parse).orElseGet(PipelineState::new);
                boolean resuming = !state.isComplete();
                generation = resuming ? state.runId() : runId;
                if (resuming) {
                    LOG.info("resuming run {}, which stopped before its last commit", state.runId());
                }
                transforms = new TransformChain(config.transforms().stream()
                        .map(t -> registry.transform(t.type()).create(config.transformSetup(registry, redactor), t.options())).toList());
                List<WorkItem> work = plan(resuming);
                if (unbounded) {
                    // a broker reader's positions start again with each session: only this run's id keeps them apart
                    generation = runId;
                }
                boolean replacing = settings.values().stream().anyMatch(s -> s.target().write() == WriteMode.REPLACE);
                if (work.isEmpty() && !(resuming && replacing)) {
                    nothingToLoad = true;
                    return RunStatus.SUCCEEDED;
                }
                nothingToLoad = false;
                List<StreamTarget> targets = settings.values().stream().map(StreamSettings::target).toList();
                writer = guard(config.target().type(), () -> sink.open(new WriterContext(runId, resuming, targets)));
                try {
                    return readAndWrite(work);
                } finally {
                    try {
                        writer.close();
                    } catch (Exception e) {
                        LOG.warn("closing the target writer failed: {}", redactor.redact(String.valueOf(e.getMessage())));
                    }
                }
            } catch (MuaraException e) {
                throw e;
            } catch (Exception e) {
                throw wrap(config.target().type(), e);
            } finally {
                for (Source source : sources) {
                    try {
                        source.close();
                    } catch (Exception e) {
                        LOG.warn("closing a source failed: {}", redactor.redact(String.valueOf(e.getMessage())));
                    }
                }
            }
        }

        private List<WorkItem> plan(boolean resuming) {
            SourceConnector connector = registry.source(config.source().type());
            List<WorkItem> work = new ArrayList<>();
            boolean first = splitsTotal < 0;
            Set<String> skippedIds = new HashSet<>();
            long bytes = 0;
            int total = 0;
            for (StreamConfig stream : config.streams()) {
                Source source = guard(config.source().type(), () -> connector
                        .create(new SourceContext(config.name(), stream.name(), config.baseDirectory()), stream.sourceOptions()));
                sources.add(source);
                if (source.boundedness() == Boundedness.UNBOUNDED) {
                    unbounded = true;
                }
                boolean discovers = connector.discoversStreams(stream.sourceOptions());
                List<Split> splits = guard(config.source().type(), () -> source.plan(planContext(resuming)));
                if (!discovers) {
                    StreamSettings configured = stream.settings();
                    if (configured.target().primaryKey().isEmpty() && configured.target().write() == WriteMode.MERGE) {
                        configured = discovered(stream.name(), source);
                    }
                    register(stream.name(), configured, source, resuming);
                }
                for (Split split : splits) {
                    if (!settings.containsKey(split.stream())) {
                        register(split.stream(), discovered(split.stream(), source), source, resuming);
                    } else if (sourceOfStream.get(split.stream()) != source) {
                        throw MuaraException.config("two sources feed the stream " + split.stream())
                                .withHint("give the streams different names");
                    }
                }
                for (Split split : splits) {
                    StreamStats s = stats.get(split.stream());
                    if (first) {
                        s.splits++;
                    }
                    total++;
                    PipelineState.SplitState previous = state.split(split.stream(), split.id());
                    String start = null;
                    if (previous != null && previous.fingerprint().equals(split.fingerprint())) {
                        // finished splits are skipped, except those a new run reads again (table loads)
                        if (previous.done() && (!previous.again() || resuming)) {
                            if (first) {
                                s.splitsSkipped++;
                            }
                            skippedIds.add(split.stream() + "\u0000" + split.id());
                            continue;
                        }
                        start = previous.position();
                    }
                    work.add(new WorkItem(split.stream(), split, start));
                    if (bytes >= 0) {
                        bytes = split.sizeBytes() < 0 ? -1 : bytes + split.sizeBytes();
                    }
                }
            }
            if (!resuming) {
                // forget splits that are gone (a deleted file, an old key range), so the state does not grow forever
                for (String stream : settings.keySet()) {
                    state.retain(stream, work.stream().filter(w -> w.stream().equals(stream)).map(w -> w.split().id())
                            .collect(Collectors.toSet()), skippedIds);
                }
            }
            if (first) {
                splitsTotal = work.size();
            }
            bytesTotal = unbounded ? -1 : bytes;
            LOG.info("planned {} of {} splits ({} already loaded and unchanged)", work.size(), total, total - work.size());
            return work;
        }

        private PlanContext planContext(boolean resuming) {
            return new PlanContext() {
                @Override
                public boolean resuming() {
                    return resuming;
                }

                @Override
                public List<String> previousSplits(String stream) {
                    return List.copyOf(state.streams().getOrDefault(stream, Map.of()).keySet());
                }
            };
        }

        private StreamSettings discovered(String stream, Source source) {
            StreamSettings found = config.targets().forStream(stream, source.primaryKey(stream));
            if (found.target().write() == WriteMode.MERGE && found.target().primaryKey().isEmpty()) {
                throw MuaraException.config("write: merge needs a key for stream " + stream
                        + ", and its source names none (a table without a primary key, a stream without a key)")
                        .at(config.targets().locationOf(stream))
                        .withHint("set primary_key under target.tables." + stream + ", or the source's key option");
            }
            return found;
        }

        /** Takes a stream into the run; a replace that is not resuming forgets what earlier runs read of it. */
        private void register(String stream, StreamSettings streamSettings, Source source, boolean resuming) {
            if (streamSettings.target().write() == WriteMode.REPLACE && !resuming) {
                state.clearStream(stream);
            }
            settings.put(stream, streamSettings);
            sourceOfStream.put(stream, source);
            statsFor(stream, streamSettings.target());
        }

        private RunStatus readAndWrite(List<WorkItem> work) throws Exception {
            state.beginRun(runId);
            // every planned split is in the state from the first commit, so a resumed run plans the same ones
            for (WorkItem item : work) {
                state.plan(item.stream(), item.split().id(), item.split().fingerprint(), item.start());
            }
            ConcurrentLinkedQueue<WorkItem> pending = new ConcurrentLinkedQueue<>(work);
            int threads = readerThreads(work.size());
            checkpointInterval = config.checkpointInterval() != null ? config.checkpointInterval()
                    : unbounded ? STREAM_CHECKPOINT_INTERVAL : BATCH_CHECKPOINT_INTERVAL;
            List<Thread> readers = new ArrayList<>();
            readingStarted = System.currentTimeMillis();
            lastCommit = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                Thread thread = new Thread(() -> readLoop(pending), "muara-reader-" + (i + 1));
                thread.setDaemon(true);
                readers.add(thread);
                thread.start();
            }
            try {
                int running = threads;
                while (running > 0) {
                    Envelope envelope = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    if (envelope instanceof Envelope.ReaderExit) {
                        running--;
                    } else if (envelope != null && failure.get() == null) {
                        handle(envelope);
                    }
                    if (failure.get() == null && dueForCheckpoint()) {
                        checkpoint(false);
                    }
                }
                MuaraException failed = failure.get();
                if (failed != null) {
                    abort();
                    throw failed;
                }
                boolean allFinished = inFlight.isEmpty() && pending.isEmpty();
                if (allFinished && config.maxRejectRatio() != null) {
                    checkRejectRatio();
                }
                if (allFinished) {
                    state.completeRun();
                }
                checkpoint(allFinished && !unbounded);
                return allFinished ? RunStatus.SUCCEEDED : RunStatus.STOPPED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                halted.set(true);
                abort();
                throw MuaraException.internal("the run was interrupted", e);
            } catch (Exception | Error e) {
                halted.set(true);
                if (e == failure.get()) {
                    throw e;
                }
                abort();
                // anything else thrown here came from the target
                if (e instanceof MuaraException m) {
                    throw m.inConnector(config.target().type());
                }
                throw e;
            } finally {
                writerGone.set(true);
                finalCommit.countDown();
                for (Thread reader : readers) {
                    reader.join(TimeUnit.SECONDS.toMillis(UNBOUNDED_CLOSE_WAIT_SECONDS + 5));
                }
            }
        }

        private void handle(Envelope envelope) throws Exception {
            switch (envelope) {
                case Envelope.Data data -> {
                    WorkItem item = data.item();
                    StreamStats s = stats.get(item.stream());
                    s.seen();
                    inFlight.putIfAbsent(item.key(), item);
                    s.rowsRead.addAndGet(data.rowsRead());
                    String location = item.stream() + ": " + item.split().id();
                    if (write(item.stream(), location, data.batch()) > 0) {
                        addEventTimes(data.eventTimes());
                    }
                    for (Envelope.ChildRows child : data.children()) {
                        registerChild(item.stream(), child.stream());
                        stats.get(child.stream()).rowsRead.addAndGet(child.batch().rowCount());
                        write(child.stream(), location, child.batch());
                    }
                    s.bytesRead.addAndGet(data.bytesDelta());
                    bytesRead.addAndGet(data.bytesDelta());
                    state.update(item.stream(), item.split().id(), item.split().fingerprint(), data.position(), false, false);
                    if (!Objects.equals(latestPositions.put(item.key(), data.position()), data.position())) {
                        // even with no row to write (all rejected or filtered out), the reader moved: its records
                        // must be committed for a broker to send more
                        positionsMoved = true;
                    }
                }
                case Envelope.SplitEnd end -> {
                    WorkItem item = end.item();
                    StreamStats s = stats.get(item.stream());
                    s.seen();
                    s.bytesRead.addAndGet(end.bytesDelta());
                    bytesRead.addAndGet(end.bytesDelta());
                    state.update(item.stream(), item.split().id(), item.split().fingerprint(), end.position(), true,
                            !end.isFinal());
                    inFlight.remove(item.key());
                    latestPositions.put(item.key(), end.position());
                    s.finished.add(item.split().id());
                }
                case Envelope.Stopped stopped -> inFlight.putIfAbsent(stopped.item().key(), stopped.item());
                case Envelope.ReaderExit exit -> {
                }
            }
        }

        /** Writes a batch of {@code stream} as {@link #prepare} makes it; returns the rows written. */
        private int write(String stream, String location, Batch batch) throws Exception {
            Batch out = batch.rowCount() > 0 ? prepare(stream, location, batch) : batch;
            if (out.rowCount() > 0) {
                writer.write(stream, out);
                stats.get(stream).rowsPending += out.rowCount();
                rowsSinceCommit += out.rowCount();
            }
            return out.rowCount();
        }

        /** The batch as it is written: fitted to the table under the schema policy, with the load columns. */
        private Batch prepare(String stream, String location, Batch batch) throws Exception {
            StreamSettings streamSettings = settings.get(stream);
            Batch out = batch;
            if (streamSettings.policy() != SchemaPolicy.EVOLVE) {
                out = SchemaGuard.apply(streamSettings.policy(), streamSettings.target().table(),
                        writer.tableSchema(stream).orElse(null), out, location, record -> reject(stream, record));
            }
            if (streamSettings.loadColumns() && out.rowCount() > 0) {
                out = loadColumns.addTo(out);
            }
            return out;
        }

        /**
         * Takes a child stream a transform emitted for {@code stream} into the run, the first time it appears: its table
         * is the stream's table with the child's suffix, with the stream's write mode and settings; a merge keys it on
         * the parent's id and the list index.
         */
        private void registerChild(String stream, String child) throws Exception {
            if (childStreams.containsKey(child)) {
                return;
            }
            if (settings.containsKey(child)) {
                throw MuaraException.config("the child table " + child + " of stream " + stream
                        + " has the name of another stream").withHint("rename that stream, or the nested column");
            }
            StreamSettings parent = settings.get(stream);
            StreamTarget target = parent.target();
            List<String> key = target.write() == WriteMode.MERGE ? CHILD_KEY : List.of();
            StreamTarget childTarget = new StreamTarget(child, target.table() + child.substring(stream.length()),
                    target.write(), key, target.options());
            writer.addStream(childTarget);
            childStreams.put(child, stream);
            settings.put(child, new StreamSettings(childTarget, parent.policy(), parent.loadColumns()));
            statsFor(child, childTarget);
        }

        private void addEventTimes(long[] times) {
            if (times == null) {
                return;
            }
            if (pendingEvents + times.length > pendingEventTimes.length) {
                pendingEventTimes = Arrays.copyOf(pendingEventTimes, Math.max(pendingEventTimes.length * 2, pendingEvents + times.length));
            }
            System.arraycopy(times, 0, pendingEventTimes, pendingEvents, times.length);
            pendingEvents += times.length;
        }

        private boolean dueForCheckpoint() {
            if (rowsSinceCommit >= config.checkpointRows()) {
                return true;
            }
            boolean pending = rowsSinceCommit > 0 || positionsMoved;
            if (pending && commitRequested.getAndSet(false)) {
                return true;
            }
            return pending && System.nanoTime() - lastCommit >= checkpointInterval.toNanos();
        }

        private void checkpoint(boolean last) throws Exception {
            long id = state.nextCheckpoint();
            String json = state.toJson();
            deadLetters.flush();
            writer.commit(new Checkpoint(id, json, last));
            if (localState != null) {
                localState.save(json);
            }
            checkpoints++;
            rowsSinceCommit = 0;
            positionsMoved = false;
            lastCommit = System.nanoTime();
            recordLatencies();
            long loaded = 0;
            for (StreamStats s : stats.values()) {
                s.rowsLoaded.addAndGet(s.rowsPending);
                s.rowsPending = 0;
                loaded += s.rowsLoaded.get();
            }
            latestPositions.forEach((key, position) -> {
                LinkedBlockingQueue<String> mailbox = mailboxes.get(key);
                if (mailbox != null) {
                    mailbox.offer(position);
                }
            });
            // a stream commits every second or more often: one line every few seconds says enough
            long now = System.nanoTime();
            if (!unbounded || now - lastCommitLog >= STREAM_COMMIT_LOG_INTERVAL.toNanos()) {
                LOG.info("checkpoint {} committed: {} rows loaded so far", id, loaded);
                lastCommitLog = now;
            } else {
                LOG.debug("checkpoint {} committed: {} rows loaded so far", id, loaded);
            }
        }

        /** Commit time minus event time for every row the commit made durable. */
        private void recordLatencies() {
            long nowMillis = System.currentTimeMillis();
            long nowMicros = nowMillis * 1000;
            for (int i = 0; i < pendingEvents; i++) {
                latency.record((nowMicros - pendingEventTimes[i]) / 1000, nowMillis);
            }
            pendingEvents = 0;
            if (pendingEventTimes.length > 65_536) {
                pendingEventTimes = new long[1024];
            }
        }

        private void abort() {
            pendingEvents = 0;
            try {
                writer.abort();
            } catch (Exception e) {
                LOG.warn("rolling back the target failed: {}", redactor.redact(String.valueOf(e.getMessage())));
            }
            for (StreamStats s : stats.values()) {
                s.rowsPending = 0;
            }
        }

        private void checkRejectRatio() {
            long read = 0;
            for (StreamStats s : stats.values()) {
                read += s.rowsRead.get() + s.rejected.get();
            }
            long rejected = rejectedTotal.get();
            if (read > 0 && (double) rejected / read > config.maxRejectRatio()) {
                MuaraException tooMany = MuaraException.data(String.format(Locale.ROOT,
                        "%d of %d rows were rejected (%.2f%%), more than errors.max_reject_ratio allows (%.2f%%)",
                        rejected, read, 100.0 * rejected / read, 100.0 * config.maxRejectRatio()))
                        .at(deadLetters.file().toString())
                        .withHint("the rejected rows and their reasons are in the dead-letter file");
                fail(tooMany);
                throw tooMany;
            }
        }

        private void reject(String stream, RejectedRecord record) {
            deadLetters.write(stream, record);
            stats.get(stream).rejected.incrementAndGet();
            long total = rejectedTotal.incrementAndGet();
            if (config.maxRejectRatio() == null && total > config.maxRejects()) {
                fail(MuaraException.data("more rows were rejected than errors.max_rejects allows (" + config.maxRejects()
                        + "); the last: " + record.reason())
                        .at(record.location())
                        .withHint("the rejected rows are in " + deadLetters.file()
                                + "; fix the data, or raise errors.max_rejects (or set errors.max_reject_ratio)"));
            }
        }

        private void readLoop(ConcurrentLinkedQueue<WorkItem> pending) {
            List<OpenReader> unfinished = new ArrayList<>();
            try {
                WorkItem item;
                while (!stopping() && (item = pending.poll()) != null) {
                    OpenReader open = readSplit(item);
                    if (open != null) {
                        unfinished.add(open);
                    }
                }
            } finally {
                enqueue(new Envelope.ReaderExit());
            }
            if (!unfinished.isEmpty()) {
                // an unbounded reader acknowledges upstream only what the final commit made durable
                awaitFinalCommit();
                for (OpenReader open : unfinished) {
                    deliverCommits(open.reader(), open.mailbox());
                    close(open.item(), open.reader());
                }
            }
        }

        /** A reader of an unbounded split kept open until the final commit, so it can acknowledge it. */
        private record OpenReader(WorkItem item, SplitReader reader, LinkedBlockingQueue<String> mailbox) {
        }

        /** Reads a split until its end or a stop; returns the reader still open when it must acknowledge later. */
        private OpenReader readSplit(WorkItem item) {
            Source source = sourceOfStream.get(item.stream());
            LinkedBlockingQueue<String> mailbox = new LinkedBlockingQueue<>();
            mailboxes.put(item.key(), mailbox);
            SplitReader reader = null;
            TransformStage stage = null;
            boolean keepOpen = false;
            try {
                Context context = new Context(item.stream(), item.split().id());
                reader = source.open(item.split(), item.start(), context);
                long reportedBytes = 0;
                String before = item.start();
                boolean ended = false;
                boolean checked = transforms.isEmpty();
                // a split that ends hands its batches to a thread of their own for the transforms, so reading the
                // next batch and transforming this one run at once; a stream keeps one thread, which acknowledges
                stage = !transforms.isEmpty() && source.boundedness() != Boundedness.UNBOUNDED
                        ? new TransformStage(item, context) : null;
                while (!stopping()) {
                    deliverCommits(reader, mailbox);
                    Batch batch = reader.next(POLL);
                    long bytes = reader.bytesRead();
                    long delta = bytes - reportedBytes;
                    reportedBytes = bytes;
                    if (batch == null) {
                        Envelope end = new Envelope.SplitEnd(item, reader.position(), reader.isFinal(), delta);
                        if (stage != null) {
                            stage.then(end);
                        } else {
                            enqueue(end);
                        }
                        ended = true;
                        break;
                    }
                    int rowsRead = batch.rowCount();
                    long[] eventTimes = unbounded && rowsRead > 0 ? eventTimes(source, item.stream(), batch) : null;
                    long lag = reader.lag();
                    if (lag >= 0) {
                        lags.put(item.key(), lag);
                    }
                    if (stage != null) {
                        String origin = generation + "/" + item.split().id() + "/" + item.split().fingerprint() + "@"
                                + before;
                        before = reader.position();
                        if (!stage.transform(batch, before, delta, eventTimes, origin)) {
                            break;
                        }
                        continue;
                    }
                    if (!checked && rowsRead > 0) {
                        transforms.outputSchema(batch.schema());
                        checked = true;
                    }
                    List<Envelope.ChildRows> children = List.of();
                    if (rowsRead > 0 && !transforms.isEmpty()) {
                        context.transformRejects = 0;
                        context.origin = generation + "/" + item.split().id() + "/" + item.split().fingerprint() + "@" + before;
                        context.children = new ArrayList<>();
                        batch = transforms.apply(batch, context);
                        rowsRead -= context.transformRejects; // counted as rejected, not as read
                        children = context.children;
                    }
                    String position = reader.position();
                    before = position;
                    if (!enqueue(new Envelope.Data(item, batch, rowsRead, position, delta, eventTimes, children))) {
                        break;
                    }
                    if (rowsRead == 0 && context.commitWanted.getAndSet(false)) {
                        // the upstream sends nothing more until this reader acknowledges: hand the commit over at once
                        deliverCommits(reader, mailbox, mailbox.poll(POLL.toMillis(), TimeUnit.MILLISECONDS));
                    }
                }
                if (!ended) {
                    if (stage != null) {
                        stage.then(new Envelope.Stopped(item));
                    } else {
                        enqueue(new Envelope.Stopped(item));
                    }
                }
                keepOpen = source.boundedness() == Boundedness.UNBOUNDED;
                return keepOpen ? new OpenReader(item, reader, mailbox) : null;
            } catch (Exception | Error e) {
                failSplit(item, e);
                return null;
            } finally {
                if (stage != null) {
                    stage.finish();
                }
                if (!keepOpen) {
                    close(item, reader);
                }
            }
        }

        private void failSplit(WorkItem item, Throwable e) {
            if (e instanceof MuaraException muara) {
                fail(muara.at(muara.location() == null ? item.stream() + ": " + item.split().id() : muara.location())
                        .inConnector(config.source().type()));
            } else {
                fail(wrap(config.source().type(), e).at(item.stream() + ": " + item.split().id()));
            }
        }

        /**
         * The transforms of one split that ends, on a thread of their own: batches are transformed and handed to the
         * writer in the order they were read, with their positions, while the reader reads on. At most two batches
         * wait for the thread, so a slow chain holds the reader back as a slow writer does.
         */
        private final class TransformStage {
            private final WorkItem item;
            private final Context context;
            private final ExecutorService thread;
            private final Semaphore waiting = new Semaphore(2);
            private boolean checked;

            TransformStage(WorkItem item, Context context) {
                this.item = item;
                this.context = context;
                this.thread = Executors.newSingleThreadExecutor(work -> {
                    Thread t = new Thread(work, "muara-transforms-" + item.stream());
                    t.setDaemon(true);
                    return t;
                });
            }

            /** Queues a read batch; false when the run is stopping and the reader should stop too. */
            boolean transform(Batch batch, String position, long bytes, long[] eventTimes, String origin)
                    throws InterruptedException {
                return submit(() -> {
                    int rows = batch.rowCount();
                    Batch out = batch;
                    List<Envelope.ChildRows> children = List.of();
                    if (rows > 0) {
                        if (!checked) {
                            transforms.outputSchema(batch.schema());
                            checked = true;
                        }
                        context.transformRejects = 0;
                        context.origin = origin;
                        context.children = new ArrayList<>();
                        out = transforms.apply(batch, context);
                        rows -= context.transformRejects; // counted as rejected, not as read
                        children = context.children;
                    }
                    enqueue(new Envelope.Data(item, out, rows, position, bytes, eventTimes, children));
                });
            }

            /** Queues an envelope to follow every batch queued before it. */
            void then(Envelope envelope) throws InterruptedException {
                submit(() -> enqueue(envelope));
            }

            private boolean submit(Runnable work) throws InterruptedException {
                while (!waiting.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (halted.get()) {
                        return false;
                    }
                }
                thread.execute(() -> {
                    try {
                        // after a failure nothing more is delivered; a requested stop still delivers what was read
                        if (!halted.get()) {
                            work.run();
                        }
                    } catch (Exception | Error e) {
                        failSplit(item, e);
                    } finally {
                        waiting.release();
                    }
                });
                return !halted.get();
            }

            /**
             * Waits until every queued batch is delivered (or dropped after a failure), so the split's reader is
             * closed and the next split read only then.
             */
            void finish() {
                thread.shutdown();
                try {
                    while (!thread.awaitTermination(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                        // the writer is taking the last batches; after a failure they drop at once
                    }
                } catch (InterruptedException e) {
                    thread.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The event times of a batch's rows, from the column its source names, before transforms can drop it. */
        private long[] eventTimes(Source source, String stream, Batch batch) {
            String name = eventTimeColumns.computeIfAbsent(stream, s -> {
                String column = source.eventTimeColumn(s);
                return column == null ? "" : column;
            });
            int index = name.isEmpty() ? -1 : batch.schema().indexOf(name);
            if (index < 0 || batch.schema().field(index).type().kind() != TypeKind.TIMESTAMP_TZ) {
                return null;
            }
            Column column = batch.column(index);
            long[] times = new long[batch.rowCount()];
            int n = 0;
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!column.isNull(row)) {
                    times[n++] = column.getLong(row);
                }
            }
            return n == times.length ? times : Arrays.copyOf(times, n);
        }

        private void close(WorkItem item, SplitReader reader) {
            lags.remove(item.key());
            mailboxes.remove(item.key());
            if (reader != null) {
                try {
                    reader.close();
                } catch (Exception e) {
                    LOG.warn("closing a reader of {} failed: {}", item.split().id(), redactor.redact(String.valueOf(e.getMessage())));
                }
            }
        }

        private void deliverCommits(SplitReader reader, LinkedBlockingQueue<String> mailbox) {
            deliverCommits(reader, mailbox, null);
        }

        /** Tells the reader the latest committed position in its mailbox, or {@code first} when it is the latest. */
        private void deliverCommits(SplitReader reader, LinkedBlockingQueue<String> mailbox, String first) {
            String position = first;
            for (String p; (p = mailbox.poll()) != null; ) {
                position = p;
            }
            if (position != null) {
                reader.committed(position);
            }
        }

        private void awaitFinalCommit() {
            try {
                finalCommit.await(UNBOUNDED_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Puts an envelope on the queue, waiting while it is full; false when the writer is gone. */
        private boolean enqueue(Envelope envelope) {
            try {
                while (!writerGone.get()) {
                    if (queue.offer(envelope, POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private void fail(MuaraException e) {
            failure.compareAndSet(null, e);
            halted.set(true);
        }

        /** What a reader, and the transforms of its split, may ask of the engine. */
        private final class Context implements ReaderContext, TransformContext {
            private final String stream;
            private final String location;
            /** The reader asked for a commit and has not waited for it yet. */
            final AtomicBoolean commitWanted = new AtomicBoolean();
            /** Rows the transforms turned away from the batch being transformed. */
            int transformRejects;
            /** Where the batch being transformed comes from: see {@link TransformContext#batchOrigin()}. */
            String origin;
            /** Rows the transforms sent to child streams from the batch being transformed. */
            List<Envelope.ChildRows> children;

            Context(String stream, String location) {
                this.stream = stream;
                this.location = location;
            }

            @Override
            public String stream() {
                return stream;
            }

            @Override
            public int batchRows() {
                return config.batchRows();
            }

            @Override
            public void reject(RejectedRecord record) {
                Execution.this.reject(stream, config.personalData().fromSource(record));
            }

            @Override
            public String batchOrigin() {
                return origin;
            }

            @Override
            public List<String> mergeKey() {
                StreamTarget target = settings.get(stream).target();
                return target.write() == WriteMode.MERGE ? target.primaryKey() : List.of();
            }

            @Override
            public void emit(String childStream, Batch rows) {
                if (!childStream.startsWith(stream + "__") || childStream.length() == stream.length() + 2) {
                    throw new IllegalArgumentException("a child stream of " + stream + " is named " + stream + "__<suffix>, not "
                            + childStream);
                }
                if (rows.rowCount() > 0) {
                    children.add(new Envelope.ChildRows(childStream, rows));
                }
            }

            @Override
            public void requestCommit() {
                commitRequested.set(true);
                commitWanted.set(true);
            }

            @Override
            public void quality(String rule, String column, long checked, long failed, List<String> samples) {
                // an expression rule may name no column; an immutable list refuses to look for null
                boolean personal = column != null && config.personalData().columns().contains(column);
                stats.get(stream).quality(rule, checked, failed, personal && failed > 0 ? List.of(PersonalData.HIDDEN) : samples);
            }

            /**
             * The row goes to the dead letters as a JSON object of its values before the transform, personal data
             * hidden.
             */
            @Override
            public void reject(Batch input, int row, String reason) {
                transformRejects++;
                Execution.this.reject(stream, config.personalData().fromTransform(location, reason, input, row));
            }
        }
    }

    private <T> T guard(String connector, ThrowingSupplier<T> action) {
        try {
            return action.get();
        } catch (MuaraException e) {
            throw e.inConnector(connector);
        } catch (Exception e) {
            throw wrap(connector, e);
        }
    }

    private MuaraException wrap(String connector, Throwable e) {
        return ConnectorFailures.wrap(connector, e, redactor);
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
