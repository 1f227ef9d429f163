package dev.muara.connector.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener in front of the local RabbitMQ, which has none: it ends TLS with the test's certificate and passes
 * the bytes on to the broker's plain port, as a TLS-terminating load balancer would.
 */
final class TlsProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;

    private TlsProxy(ServerSocket server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    static TlsProxy start(Path keyStore, String password, String host, int port) throws Exception {
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        TlsProxy proxy = new TlsProxy(context.getServerSocketFactory().createServerSocket(0), host, port);
        daemon(proxy::accept);
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            ((SSLSocket) client).startHandshake();
            Socket broker = new Socket(host, port);
            daemon(() -> pipe(client, broker));
            pipe(broker, client);
        } catch (IOException e) {
            close(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away: the other is closed below
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tls-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
