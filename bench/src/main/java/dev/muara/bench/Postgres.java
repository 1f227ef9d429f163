package dev.muara.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL server the workloads load into: the local one (BENCH_POSTGRES=host:port:user, default
 * 127.0.0.1:5432:postgres) when it answers, else an embedded one started for the suite. Connections are plain on
 * loopback for every tool alike.
 */
final class Postgres implements AutoCloseable {

    static final String SOURCE_DATABASE = "bench_src";
    static final String TARGET_DATABASE = "bench_dst";

    final String host;
    final int port;
    final String user;
    private final EmbeddedPostgres embedded;

    private Postgres(String host, int port, String user, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.embedded = embedded;
    }

    static Postgres localOrEmbedded() throws IOException {
        String[] parts = System.getenv().getOrDefault("BENCH_POSTGRES", "127.0.0.1:5432:postgres").split(":");
        Postgres local = new Postgres(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "postgres",
                null);
        try (Connection ignored = local.connect("postgres")) {
            return local;
        } catch (SQLException e) {
            System.out.println("No PostgreSQL at " + parts[0] + ":" + parts[1] + " (" + e.getMessage()
                    + "); starting an embedded one");
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        return new Postgres("localhost", server.getPort(), "postgres", server);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database
                + "?sslmode=disable", user, null);
    }

    void createDatabase(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
    }

    void execute(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    long count(String database, String table) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String version() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A pipeline's connector options for {@code database} on this server, indented for a source: or target: block. */
    String connectorOptions(String database) {
        return "type: postgres\n  host: %s\n  port: %d\n  user: %s\n  database: %s\n  ssl_mode: disable"
                .formatted(host, port, user, database);
    }

    /** A psql command line for {@code database} that stops at the first error and reads no ~/.psqlrc. */
    List<String> psql(String database, String command) {
        return List.of("psql", "-h", host, "-p", Integer.toString(port), "-U", user,
                "-d", database, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", command);
    }

    /** The same psql invocation as one shell word list, for pipes. */
    String psqlShell(String database, String command) {
        return "psql -h " + host + " -p " + port + " -U " + user + " -d " + database + " -X -q -v ON_ERROR_STOP=1 -c "
                + Shell.quote(command);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
