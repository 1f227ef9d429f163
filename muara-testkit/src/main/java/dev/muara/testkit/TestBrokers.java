package dev.muara.testkit;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * Real message brokers for integration tests, never mocks. MQTT: the Mosquitto at 127.0.0.1:1883 when one answers,
 * else a Moquette broker started in this JVM (MQTT 3.1.1 only; the property {@code muara.test.mqtt=embedded}
 * forces it). RabbitMQ: the one at 127.0.0.1:5672, or the test is skipped (no RabbitMQ runs embedded in a JVM).
 */
public final class TestBrokers {

    /**
     * A broker to connect to.
     *
     * @param host host
     * @param port port
     * @param embedded whether it runs inside this JVM (Moquette: MQTT 3.1.1 only)
     */
    public record Broker(String host, int port, boolean embedded) {
    }

    private static Broker mqtt;
    private static Boolean rabbitMqAnswers;

    private TestBrokers() {
    }

    /** The MQTT broker of this test JVM. */
    public static synchronized Broker mqtt() {
        if (mqtt == null) {
            Broker local = new Broker("127.0.0.1", 1883, false);
            mqtt = !"embedded".equals(System.getProperty("muara.test.mqtt")) && answers(local) ? local : startMoquette();
        }
        return mqtt;
    }

    /**
     * The local RabbitMQ at 127.0.0.1:5672, whose user guest (password guest) may do anything; when none answers,
     * the calling test is skipped with the reason, as no RabbitMQ can be started inside the test JVM.
     */
    public static synchronized Broker rabbitMq() {
        Broker local = new Broker("127.0.0.1", 5672, false);
        if (rabbitMqAnswers == null) {
            rabbitMqAnswers = answers(local);
        }
        Assumptions.assumeTrue(rabbitMqAnswers, "RabbitMQ is not running at 127.0.0.1:5672: start one (user guest, "
                + "password guest) to run the AMQP tests");
        return local;
    }

    /**
     * A Moquette broker of its own, in this JVM, that keeps every message for a subscriber that is away (Mosquitto
     * keeps 1000 by default and drops the rest).
     */
    public static Broker startMoquette() {
        return startMoquette(new Properties());
    }

    /**
     * A Moquette broker of its own that speaks only TLS, with the key and certificate in the JKS {@code keyStore}; the
     * broker's port is its TLS port.
     */
    public static Broker startMoquetteTls(Path keyStore, String password) {
        int port = freePort();
        Properties tls = new Properties();
        tls.setProperty("ssl_port", Integer.toString(port));
        tls.setProperty("jks_path", keyStore.toString());
        tls.setProperty("key_store_password", password);
        tls.setProperty("key_manager_password", password);
        tls.setProperty("port", "disabled");
        Broker plain = startMoquette(tls);
        return new Broker(plain.host(), port, true);
    }

    private static Broker startMoquette(Properties extra) {
        int port = freePort();
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("session_queue_size", "1000000");
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("immediate_buffer_flush", "true");
        properties.putAll(extra);
        Moquette.start(properties);
        return new Broker("127.0.0.1", port, true);
    }

    /** Moquette's own types, in a class of their own so that tests without Moquette can still load TestBrokers. */
    private static final class Moquette {
        static void start(Properties properties) {
            Server server = new Server();
            try {
                server.startServer(new MemoryConfig(properties));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded MQTT broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopServer));
        }
    }

    private static boolean answers(Broker broker) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(broker.host(), broker.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
