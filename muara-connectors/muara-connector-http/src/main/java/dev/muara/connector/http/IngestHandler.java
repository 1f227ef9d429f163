package dev.muara.connector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.formats.message.MessageBatchBuilder;
import dev.muara.formats.message.PayloadSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each request on its connection's thread: checks path, method, token and size, reads and checks the body,
 * hands it to the reader, and answers 202 only once the commit holding its rows is durable.
 *
 * <p>A request's rows are all or nothing: one bad record refuses the whole body with 400 (and sends it to the
 * dead-letter file), so a client never has to work out which of its records were taken.
 */
final class IngestHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    /** Seconds a client is told to wait before sending again when Muara is full or stopping. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final HttpListenerSettings settings;
    private final PayloadSettings payload;
    private final boolean metadata;
    private final Inbox inbox;
    private final ReaderContext context;
    private final byte[] token;

    IngestHandler(HttpListenerSettings settings, PayloadSettings payload, boolean metadata, Inbox inbox,
            ReaderContext context) {
        this.settings = settings;
        this.payload = payload;
        this.metadata = metadata;
        this.inbox = inbox;
        this.context = context;
        this.token = settings.token() == null ? null : settings.token().reveal().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            if (!exchange.getRequestURI().getPath().equals(settings.path())) {
                answer(exchange, 404, "no such path; send data to " + settings.path());
            } else if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, "only POST is accepted");
            } else if (!authorized(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                answer(exchange, 401, "a valid Authorization: Bearer <token> header is required");
            } else if (declaredLength(exchange) > settings.maxBodySize()) {
                tooLarge(exchange);
            } else if (!inbox.admit()) {
                busy(exchange, "too many requests wait for a commit");
            } else {
                try {
                    take(exchange, requestId);
                } finally {
                    inbox.leave();
                }
            }
        } catch (IOException e) {
            // the client went away; it did not get a 202, so it sends again
            LOG.debug("request {} from {} ended early: {}", requestId, exchange.getRemoteAddress(), e.toString());
        }
    }

    private void take(HttpExchange exchange, String requestId) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(settings.maxBodySize() + 1);
        if (body.length > settings.maxBodySize()) {
            tooLarge(exchange);
            return;
        }
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        BodyCheck check = check(body);
        if (check.problem() != null) {
            context.reject(new RejectedRecord("POST " + settings.path() + " from " + address + " (request " + requestId + ")",
                    check.problem(), new String(body, StandardCharsets.UTF_8)));
            answer(exchange, 400, check.problem());
            return;
        }
        if (check.rows() == 0) {
            answer(exchange, 202, "accepted 0 rows");
            return;
        }
        Object[] values = metadata ? new Object[] {Instant.now(), address, requestId} : new Object[0];
        PushedRequest request = new PushedRequest(body, values);
        if (!inbox.hand(request)) {
            busy(exchange, "Muara is stopping");
            return;
        }
        PushedRequest.Outcome outcome;
        try {
            outcome = request.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = PushedRequest.Outcome.NOT_COMMITTED;
        } catch (ExecutionException e) {
            outcome = PushedRequest.Outcome.NOT_COMMITTED;
        }
        if (outcome == PushedRequest.Outcome.COMMITTED) {
            answer(exchange, 202, "accepted " + check.rows() + (check.rows() == 1 ? " row" : " rows"));
        } else {
            busy(exchange, "Muara stopped before the rows were committed; nothing was loaded");
        }
    }

    /** Whether the request carries the token; compared in constant time so timing tells nothing about it. */
    private boolean authorized(HttpExchange exchange) {
        if (token == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The rows a body gives, or the first reason one of its records cannot become a row. */
    private record BodyCheck(int rows, String problem) {
    }

    private BodyCheck check(byte[] body) {
        String[] problem = new String[1];
        int rows = new MessageBatchBuilder(payload, List.of(), 16).add(body, new Object[0], (reason, original) -> {
            if (problem[0] == null) {
                problem[0] = reason;
            }
        });
        return new BodyCheck(rows, problem[0]);
    }

    private void tooLarge(HttpExchange exchange) throws IOException {
        answer(exchange, 413, "the body is larger than max_body_size (" + settings.maxBodySize() + " bytes)");
    }

    private static void busy(HttpExchange exchange, String why) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        answer(exchange, 503, why + "; send again later");
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = (text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
