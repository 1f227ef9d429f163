package dev.muara.connector.http;

import java.util.concurrent.CompletableFuture;

/**
 * A request whose body was checked and found whole, on its way to the reader and then waiting for the commit that
 * holds its rows; its connection thread waits on {@code outcome} to answer the client.
 *
 * @param body the request body, every record of it readable
 * @param metadata the values of the metadata columns for each of its rows, or an empty array
 */
record PushedRequest(byte[] body, Object[] metadata, CompletableFuture<Outcome> outcome) {

    PushedRequest(byte[] body, Object[] metadata) {
        this(body, metadata, new CompletableFuture<>());
    }

    /** How a request held for a commit ends. */
    enum Outcome {
        /** The commit holding its rows is durable: answer 202. */
        COMMITTED,
        /** Muara stopped before any commit held its rows, which are not in the target: answer 503. */
        NOT_COMMITTED
    }
}
