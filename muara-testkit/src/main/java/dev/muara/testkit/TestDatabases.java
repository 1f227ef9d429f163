package dev.muara.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real database servers for integration tests, never mocks. PostgreSQL: an embedded server from Maven Central,
 * started once per test JVM, or the server named by {@code MUARA_TEST_POSTGRES=host:port:user} when set. MariaDB:
 * the server at 127.0.0.1:3306 when one answers (user root, no password), else none, and tests that need it skip
 * with a visible reason. Each caller gets a database of its own.
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

    /** The MariaDB (or MySQL) server at 127.0.0.1:3306, when one answers. */
    public static synchronized Optional<Server> mariadb() {
        if (mariadb != null) {
            return mariadb;
        }
        Server local = new Server("127.0.0.1", 3306, "root");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(local.host(), local.port()), 500);
        } catch (IOException e) {
            mariadb = Optional.empty();
            return mariadb;
        }
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", null)) {
            mariadb = Optional.of(local);
        } catch (SQLException e) {
            mariadb = Optional.empty();
        }
        return mariadb;
    }

    /** Why MariaDB tests are skipped. */
    public static final String NO_MARIADB = "no MariaDB/MySQL server answers at 127.0.0.1:3306 (user root, no password): "
            + "the MySQL connector tests are skipped";

    /** A new, empty MariaDB database; returns its name. */
    public static String newMariaDbDatabase() {
        String name = "muara_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", null);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a MariaDB test database", e);
        }
        return name;
    }

    /** A connection to a MariaDB test database. */
    public static Connection mariadbConnection(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, "root", null);
    }
}
