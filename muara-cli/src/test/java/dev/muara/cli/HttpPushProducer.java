package dev.muara.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Devices in a test that push numbered JSON messages over HTTP: several clients at once, each POSTing NDJSON bodies of
 * consecutive numbers and sending a body again until it is answered 202, through refused connections and 503s while
 * Muara restarts.
 */
final class HttpPushProducer implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String token;
    private final long total;
    private final int perBody;
    private final AtomicLong nextBody = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> clients = new ArrayList<>();

    /** Pushes {@code {"seq": 1}} to {@code {"seq": total}} in bodies of {@code perBody} messages from {@code clients} clients. */
    HttpPushProducer(URI uri, String token, long total, int perBody, int clients) {
        this.uri = uri;
        this.token = token;
        this.total = total;
        this.perBody = perBody;
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(this::push, "http-client-" + i);
            thread.setDaemon(true);
            this.clients.add(thread);
            thread.start();
        }
    }

    private void push() {
        try {
            long body;
            while ((body = nextBody.getAndIncrement()) * perBody < total) {
                long from = body * perBody + 1;
                long to = Math.min(total, from + perBody - 1);
                StringBuilder ndjson = new StringBuilder();
                for (long seq = from; seq <= to; seq++) {
                    ndjson.append("{\"seq\": ").append(seq).append("}\n");
                }
                sendUntilAccepted(ndjson.toString());
                accepted.addAndGet(to - from + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | AssertionError e) {
            failure.compareAndSet(null, e);
        }
    }

    private void sendUntilAccepted(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (true) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() != 503) {
                    throw new AssertionError("answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                // Muara is down or restarting: no 202, so the body goes again
            }
            Thread.sleep(50);
        }
    }

    /** Messages answered 202 so far. */
    long accepted() {
        return accepted.get();
    }

    /** Waits until every message was answered 202; fails with a client's own error if it had one. */
    void awaitDone(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Thread thread : clients) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        if (failure.get() != null) {
            throw new AssertionError("pushing failed", failure.get());
        }
        if (clients.stream().anyMatch(Thread::isAlive)) {
            throw new AssertionError("pushing took longer than " + seconds + " s (" + accepted() + " accepted)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Thread thread : clients) {
            thread.interrupt();
        }
        for (Thread thread : clients) {
            thread.join(5000);
        }
    }
}
