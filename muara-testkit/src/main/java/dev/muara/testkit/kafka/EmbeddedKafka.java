package dev.muara.testkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker for integration tests, never a mock: a single KRaft node (broker and controller in one)
 * inside the test JVM, on free ports of 127.0.0.1, with its log in a temporary folder. {@link #shared()} starts one
 * per test JVM on first use; a shutdown hook stops it and deletes its folder.
 *
 * <p>It has three client listeners: {@link #bootstrapServers()} (PLAINTEXT), {@link #saslBootstrapServers()}
 * (SASL_PLAINTEXT, mechanisms PLAIN and SCRAM-SHA-256, one user {@link #USER} with password {@link #PASSWORD}) and
 * {@link #sslBootstrapServers()} (SSL, with a self-signed certificate for the address 127.0.0.1 only, made with the
 * JDK's keytool: {@link #certificate()} is the PEM file to trust).
 * Topics are never created on first use: tests create theirs with {@link #newTopic}.
 *
 * <p>A module that uses it declares {@code org.apache.kafka:kafka_2.13} test-scoped: the testkit holds it as an
 * optional dependency, so other modules do not get a broker on their class path.
 */
public final class EmbeddedKafka {

    /** The user of the SASL listener. */
    public static final String USER = "muara";
    /** The password of {@link #USER}, for PLAIN and SCRAM-SHA-256: made anew for each test JVM, never written down. */
    public static final String PASSWORD = randomPassword();

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER = "CONTROLLER";
    private static final String SASL = "SASL";
    private static final String SSL = "SSL";
    private static final String STORE_PASSWORD = randomPassword();
    private static final AtomicInteger NEXT_TOPIC = new AtomicInteger();

    private static EmbeddedKafka shared;

    private final Path directory;
    private final Path tls;
    private final int[] ports;
    private final KafkaRaftServer server;

    private EmbeddedKafka(Path directory, Path tls, int[] ports, KafkaRaftServer server) {
        this.directory = directory;
        this.tls = tls;
        this.ports = ports;
        this.server = server;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The broker of this test JVM, started on first use (a second or two). */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded Kafka broker", e);
            }
            EmbeddedKafka broker = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "embedded-kafka-shutdown"));
        }
        return shared;
    }

    /** Where clients connect without authentication: {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return HOST + ":" + ports[0];
    }

    /** Where clients connect with SASL (PLAIN or SCRAM-SHA-256) as {@link #USER}, without TLS. */
    public String saslBootstrapServers() {
        return HOST + ":" + ports[1];
    }

    /** Where clients connect with TLS and without a login: {@code 127.0.0.1:port}. */
    public String sslBootstrapServers() {
        return HOST + ":" + ports[2];
    }

    /** The broker's self-signed certificate (PEM), which names the address 127.0.0.1 and no host name. */
    public Path certificate() {
        return tls.resolve("broker.pem");
    }

    /** A new topic with a name no other test of this JVM uses ({@code prefix-7}), ready to produce to. */
    public String newTopic(String prefix, int partitions) {
        String name = prefix + "-" + NEXT_TOPIC.incrementAndGet();
        createTopic(name, partitions);
        return name;
    }

    /**
     * Creates a topic and waits until the leader of every partition answers ListOffsets. Producing right after
     * CreateTopics returns can otherwise meet NOT_LEADER_OR_FOLLOWER, and an idempotent producer with several
     * requests in flight may then lose its first batch to OUT_OF_ORDER_SEQUENCE_NUMBER.
     */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(name, p), OffsetSpec.latest());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topic " + name, e);
        }
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static EmbeddedKafka start() throws Exception {
        Path tls = Files.createTempDirectory("muara-kafka-tls-");
        try {
            makeCertificate(tls);
        } catch (Exception e) {
            deleteRecursively(tls);
            throw e;
        }
        BindException lastBindFailure = null;
        // a port found free may be taken by another process before the broker binds it: try again on new ports
        for (int attempt = 0; attempt < 3; attempt++) {
            Path directory = Files.createTempDirectory("muara-kafka-");
            try {
                // client, SASL, SSL and controller listeners
                int[] ports = freePorts(4);
                format(directory);
                KafkaRaftServer server = new KafkaRaftServer(
                        new KafkaConfig(properties(directory, tls, ports), false), Time.SYSTEM);
                try {
                    // returns once the controller has a leader and the broker is unfenced
                    server.startup();
                } catch (Throwable t) {
                    server.shutdown();
                    server.awaitShutdown();
                    throw t;
                }
                EmbeddedKafka broker = new EmbeddedKafka(directory, tls, ports, server);
                broker.addScramUser();
                return broker;
            } catch (Throwable t) {
                deleteRecursively(directory);
                BindException bind = bindFailure(t);
                if (bind == null) {
                    throw t;
                }
                lastBindFailure = bind;
            }
        }
        deleteRecursively(tls);
        throw lastBindFailure;
    }

    /** A key pair and a self-signed certificate for 127.0.0.1, in a PKCS12 key store and a PEM file. */
    private static void makeCertificate(Path tls) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String store = tls.resolve("broker.p12").toString();
        keytool(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=embedded-kafka", "-ext", "SAN=ip:" + HOST, "-validity", "30", "-storetype", "PKCS12",
                "-keystore", store, "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", store, "-storepass", STORE_PASSWORD,
                "-file", tls.resolve("broker.pem").toString());
    }

    private static void keytool(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static Properties properties(Path directory, Path tls, int[] ports) {
        int port = ports[0];
        int saslPort = ports[1];
        int sslPort = ports[2];
        int controllerPort = ports[3];
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("controller.listener.names", CONTROLLER);
        String clients = "PLAINTEXT://" + HOST + ":" + port + "," + SASL + "://" + HOST + ":" + saslPort + ","
                + SSL + "://" + HOST + ":" + sslPort;
        p.setProperty("listeners", clients + "," + CONTROLLER + "://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", clients);
        p.setProperty("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + SASL + ":SASL_PLAINTEXT," + SSL + ":SSL," + CONTROLLER + ":PLAINTEXT");
        String ssl = "listener.name." + SSL.toLowerCase(Locale.ROOT) + ".";
        p.setProperty(ssl + "ssl.keystore.type", "PKCS12");
        p.setProperty(ssl + "ssl.keystore.location", tls.resolve("broker.p12").toString());
        p.setProperty(ssl + "ssl.keystore.password", STORE_PASSWORD);
        p.setProperty(ssl + "ssl.key.password", STORE_PASSWORD);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        String listener = "listener.name." + SASL.toLowerCase(Locale.ROOT) + ".";
        p.setProperty(listener + "sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256");
        p.setProperty(listener + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "user_" + USER + "=\"" + PASSWORD + "\";");
        p.setProperty(listener + "scram-sha-256.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("log.dirs", directory.toString());
        // a single node: every internal topic lives with one replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        // a small footprint: tests share the machine
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        return p;
    }

    /** What {@code kafka-storage format} does for this node: a fresh cluster id, a static quorum. */
    private static void format(Path directory) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(directory.toString())
                .setMetadataLogDirectory(directory.toString())
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
    }

    private void addScramUser() throws Exception {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void stop() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteRecursively(directory);
            deleteRecursively(tls);
        }
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 50, InetAddress.getByName(HOST));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static BindException bindFailure(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
