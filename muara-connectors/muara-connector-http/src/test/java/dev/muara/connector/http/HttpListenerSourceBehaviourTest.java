package dev.muara.connector.http;

import dev.muara.api.source.Source;
import dev.muara.testkit.StreamSourceBehaviour;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An HTTP listener, fed by clients that POST each payload until they get 202, passes the suite of stream sources. */
class HttpListenerSourceBehaviourTest extends StreamSourceBehaviour {

    @TempDir
    Path dir;

    private int port;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void freshPort() throws Exception {
        port = HttpTesting.freePort();
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Override
    protected Source createSource() {
        return HttpTesting.source(dir, HttpTesting.options(port));
    }

    /** Each payload from a client of its own, all at once, each sent again until it is answered 202 or 400. */
    @Override
    protected void publish(List<byte[]> payloads) {
        URI uri = HttpTesting.uri(port);
        for (byte[] payload : payloads) {
            HttpRequest request = HttpTesting.post(uri, "").POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
            clients.submit(() -> HttpTesting.sendUntilAnswered(HttpTesting.CLIENT, request, PATIENCE.multipliedBy(2)));
        }
    }
}
