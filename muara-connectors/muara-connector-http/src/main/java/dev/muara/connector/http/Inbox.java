package dev.muara.connector.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where connection threads hand checked requests to the reader. A request takes one of {@code max_pending} places
 * before its body is read and gives it back once answered, so memory stays within max_pending bodies; once closed,
 * nothing more is taken.
 */
final class Inbox {

    private final Semaphore places;
    private final LinkedBlockingQueue<PushedRequest> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    Inbox(int maxPending) {
        this.places = new Semaphore(maxPending);
    }

    /** Takes a place for a request about to be read; false when every place is taken or the inbox is closed. */
    boolean admit() {
        return !closed && places.tryAcquire();
    }

    /** Gives back the place of a request that has been answered. */
    void leave() {
        places.release();
    }

    /** Whether every place is taken, so clients are being turned away until a commit answers some. */
    boolean full() {
        return places.availablePermits() == 0;
    }

    /** Hands a request to the reader; false when the inbox closed meanwhile and the reader will never see it. */
    boolean hand(PushedRequest request) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            queue.add(request);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next request, waiting at most {@code wait}; null when none came. */
    PushedRequest take(Duration wait) throws InterruptedException {
        return queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next request if one is there, else null. */
    PushedRequest takeNow() {
        return queue.poll();
    }

    /** Takes no more requests; returns those handed over but never taken by the reader. */
    List<PushedRequest> close() {
        lock.lock();
        try {
            closed = true;
            List<PushedRequest> left = new ArrayList<>();
            queue.drainTo(left);
            return left;
        } finally {
            lock.unlock();
        }
    }
}
