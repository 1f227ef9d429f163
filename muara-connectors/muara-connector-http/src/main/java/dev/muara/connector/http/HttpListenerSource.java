package dev.muara.connector.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.formats.message.MessageBatchBuilder;
import dev.muara.formats.message.MessageSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One stream fed by an HTTP endpoint that devices and services POST to: a single split that runs until stopped. */
final class HttpListenerSource extends MessageSource {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListenerSource.class);

    /** The columns each request adds to its rows, unless {@code metadata: false}. */
    static final List<Field> METADATA = List.of(new Field("_received_at", DataType.TIMESTAMP_TZ),
            new Field("_remote_address", DataType.STRING), new Field("_request_id", DataType.STRING));

    private final HttpListenerSettings settings;
    private final SSLContext tls;

    HttpListenerSource(SourceContext context, Options options) {
        super(context, options, HttpListenerOptions.KEY, METADATA);
        this.settings = HttpListenerSettings.of(context, options);
        this.tls = settings.tls() ? PemServerIdentity.serverContext(settings.certFile(), settings.keyFile()) : null;
    }

    @Override
    public List<Split> plan(PlanContext planContext) {
        // the fingerprint names the endpoint, so the state shows it; a stream source never finishes its split
        return List.of(new Split(context.stream(), "listener", settings.describe(), -1));
    }

    /** Starts listening; the reader stops the server when it closes. */
    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) {
        Inbox inbox = new Inbox(settings.maxPending());
        // a connection thread mostly waits for a commit: virtual threads make that cheap, max_pending bounds the work
        ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server;
        try {
            server = tls != null ? HttpsServer.create() : HttpServer.create();
            if (server instanceof HttpsServer https) {
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
            }
            // the JDK opens server sockets with SO_REUSEADDR (except on Windows): after a kill -9 the port binds again
            // at once, whatever connections linger in TIME_WAIT
            server.bind(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            connections.shutdownNow();
            throw MuaraException.connection("cannot listen on " + settings.describe() + ": " + e.getMessage(), e)
                    .withHint("another process may hold port " + settings.port() + ", or " + settings.host()
                            + " is not an address of this machine");
        }
        server.createContext("/", new IngestHandler(settings, payload(), metadata(), inbox, readerContext));
        server.setExecutor(connections);
        server.start();
        LOG.info("listening on {}", settings.describe());
        MessageBatchBuilder builder = newBuilder(readerContext);
        return new HttpListenerSplitReader(server, connections, inbox, builder, readerContext, settings.describe());
    }
}
