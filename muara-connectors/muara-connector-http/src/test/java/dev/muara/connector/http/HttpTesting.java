package dev.muara.connector.http;

import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Listener options, and a client that POSTs to it as a device would. */
final class HttpTesting {

    static final String TOKEN = "test-token-7f3a";

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpTesting() {
    }

    /** A port nobody listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Map<String, Object> options(int port) {
        Map<String, Object> options = new HashMap<>();
        options.put("port", (long) port);
        options.put("token", new Secret(TOKEN));
        return options;
    }

    static Source source(Path dir, Map<String, Object> options) {
        return new HttpListenerSourceConnector().create(new SourceContext("test", "s", dir),
                Options.of("source 'http_listener'", options));
    }

    static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/ingest");
    }

    /** A POST of {@code body} with the test token. */
    static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * Sends {@code body} until the listener answers it for good: 202 (committed) or a 4xx (refused); a refused
     * connection or a 503 is tried again, as a device would.
     */
    static HttpResponse<String> sendUntilAnswered(HttpClient client, HttpRequest request, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 503) {
                    return response;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no answer but 503 within " + patience);
            }
            Thread.sleep(20);
        }
    }
}
