package dev.muara.connector.http;

import com.sun.net.httpserver.HttpServer;
import dev.muara.api.data.Batch;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.SplitReader;
import dev.muara.formats.message.MessageBatchBuilder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Reads the requests the listener takes into batches, and lets each client have its 202 only once a commit holds the
 * request's rows: a client that got no 202 sends again, so a crash loses nothing.
 *
 * <p>Position: how many requests this reader took. It means nothing to the next run (clients send again what was not
 * answered), so a stored position is not used to resume.
 */
final class HttpListenerSplitReader implements SplitReader {

    /**
     * How long a reader holding unanswered requests waits for more before it asks for a commit. Clients wait for their
     * answer before they send more, so a commit soon after the requests stop coming keeps them going.
     */
    static final Duration COMMIT_PAUSE = Duration.ofMillis(10);

    /** Seconds close waits for connection threads to send their last answers. */
    private static final int STOP_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService connections;
    private final Inbox inbox;
    private final MessageBatchBuilder builder;
    private final ReaderContext context;
    private final String location;
    private final ArrayDeque<Unanswered> unanswered = new ArrayDeque<>();
    private long taken;
    private long bytes;

    /** A request whose rows were returned in a batch, waiting for the commit that holds them. */
    private record Unanswered(long number, CompletableFuture<PushedRequest.Outcome> outcome) {
    }

    HttpListenerSplitReader(HttpServer server, ExecutorService connections, Inbox inbox, MessageBatchBuilder builder,
            ReaderContext context, String location) {
        this.server = server;
        this.connections = connections;
        this.inbox = inbox;
        this.builder = builder;
        this.context = context;
        this.location = location;
    }

    @Override
    public Batch next(Duration maxWait) throws InterruptedException {
        PushedRequest request = inbox.take(unanswered.isEmpty() ? maxWait : COMMIT_PAUSE);
        if (request == null) {
            if (!unanswered.isEmpty()) {
                context.requestCommit();
            }
            return builder.build();
        }
        int limit = context.batchRows();
        while (request != null) {
            add(request);
            if (builder.rows() >= limit) {
                break;
            }
            request = inbox.takeNow();
        }
        if (inbox.full()) {
            // clients are being turned away: commit now rather than at the next pause or interval
            context.requestCommit();
        }
        return builder.build();
    }

    private void add(PushedRequest request) {
        long number = ++taken;
        bytes += request.body().length;
        // the connection thread found every record readable, so nothing is rejected here
        builder.add(request.body(), request.metadata(), (reason, original) -> context.reject(
                new RejectedRecord(location + " (request " + number + " of this run)", reason, original)));
        unanswered.add(new Unanswered(number, request.outcome()));
    }

    @Override
    public String position() {
        return Long.toString(taken);
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    /** Answers 202 to every request the commit holds. */
    @Override
    public void committed(String position) {
        long upTo = Long.parseLong(position);
        while (!unanswered.isEmpty() && unanswered.peek().number() <= upTo) {
            unanswered.poll().outcome().complete(PushedRequest.Outcome.COMMITTED);
        }
    }

    /**
     * Takes no more requests and answers 503 to every one no commit holds (the final commit, when Muara stops, came
     * before this), then stops listening.
     */
    @Override
    public void close() {
        List<PushedRequest> neverRead = inbox.close();
        neverRead.forEach(request -> request.outcome().complete(PushedRequest.Outcome.NOT_COMMITTED));
        unanswered.forEach(request -> request.outcome().complete(PushedRequest.Outcome.NOT_COMMITTED));
        unanswered.clear();
        server.stop(STOP_SECONDS);
        connections.shutdownNow();
    }
}
