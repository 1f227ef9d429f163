package dev.muara.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A producer of numbered messages running in a thread of its own while Muara reads them: subclasses send, count
 * what the broker took with {@link #taken()} and report errors with {@link #failed}.
 */
abstract class BackgroundPublisher implements AutoCloseable {

    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BackgroundPublisher(String name) {
        this.thread = new Thread(() -> {
            try {
                publish();
            } catch (Exception e) {
                failed(e);
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts sending; called by the subclass once it is built. */
    final void start() {
        thread.start();
    }

    /** Sends everything, returning once the broker has taken it all. */
    abstract void publish() throws Exception;

    final void taken(long messages) {
        published.addAndGet(messages);
    }

    final void failed(Throwable error) {
        failure.compareAndSet(null, error);
    }

    final boolean hasFailed() {
        return failure.get() != null;
    }

    /** Sleeps until message {@code index} (from 0) is due at {@code perSecond} after {@code started} (0: no pacing). */
    static void pace(long started, long index, int perSecond) throws InterruptedException {
        if (perSecond > 0) {
            long wait = started + index * 1_000_000_000L / perSecond - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /** Messages the broker has taken so far. */
    final long published() {
        return published.get();
    }

    /** Waits until every message was taken by the broker; fails with the publisher's own error if it had one. */
    final void awaitDone(long seconds) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(seconds));
        if (failure.get() != null) {
            throw new AssertionError("publishing failed", failure.get());
        }
        if (thread.isAlive()) {
            throw new AssertionError("publishing took longer than " + seconds + " s (" + published() + " published)");
        }
    }

    @Override
    public final void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }
}
