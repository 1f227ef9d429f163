package dev.muara.connector.duckdb;

import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StateStore;
import dev.muara.api.sink.SupportsTransactionalState;
import dev.muara.api.sink.WriterContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB database file. A single connection serves the writer and the state store, since a DuckDB file
 * belongs to one process and one database instance at a time.
 */
final class DuckDbSink implements Sink, SupportsTransactionalState {

    static final String STATE_SCHEMA = "_muara";
    static final String STATE_TABLE = STATE_SCHEMA + ".pipeline_state";

    private final SinkContext context;
    private final Options options;
    private final Path file;
    private DuckDBConnection connection;

    DuckDbSink(SinkContext context, Options options) {
        this.context = context;
        this.options = options;
        this.file = context.baseDirectory().resolve(options.get(DuckDbSinkConnector.PATH)).normalize();
    }

    /** The connection, opened on first use with the configured memory and thread limits. */
    DuckDBConnection connection() {
        if (connection != null) {
            return connection;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Properties properties = new Properties();
            properties.setProperty("memory_limit", options.get(DuckDbSinkConnector.MEMORY_LIMIT) / (1024 * 1024) + "MB");
            Long threads = options.get(DuckDbSinkConnector.THREADS);
            properties.setProperty("threads", Long.toString(threads != null ? threads : Runtime.getRuntime().availableProcessors()));
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + STATE_SCHEMA);
                statement.execute("CREATE TABLE IF NOT EXISTS " + STATE_TABLE + " (pipeline VARCHAR PRIMARY KEY, "
                        + "checkpoint BIGINT NOT NULL, state VARCHAR NOT NULL, updated_at TIMESTAMPTZ NOT NULL)");
            }
            return connection;
        } catch (IOException | SQLException e) {
            connection = null;
            throw openFailure(e);
        }
    }

    private MuaraException openFailure(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        MuaraException error = MuaraException.connection("cannot open the DuckDB database: " + message, e).at(file.toString());
        if (message.contains("lock")) {
            error.withHint("another process has the database open; close it (a DuckDB file has one writer at a time)");
        }
        return error;
    }

    @Override
    public SinkWriter open(WriterContext writerContext) {
        return new DuckDbWriter(connection(), context, options, writerContext);
    }

    @Override
    public StateStore stateStore() {
        return new StateStore() {
            @Override
            public Optional<String> load() throws SQLException {
                if (connection == null && !Files.exists(file)) {
                    return Optional.empty();
                }
                try (PreparedStatement query = connection().prepareStatement(
                        "SELECT state FROM " + STATE_TABLE + " WHERE pipeline = ?")) {
                    query.setString(1, context.pipeline());
                    try (ResultSet rows = query.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                    }
                }
            }

            @Override
            public void reset() throws SQLException {
                if (connection == null && !Files.exists(file)) {
                    return;
                }
                try (PreparedStatement delete = connection().prepareStatement(
                        "DELETE FROM " + STATE_TABLE + " WHERE pipeline = ?")) {
                    delete.setString(1, context.pipeline());
                    delete.executeUpdate();
                }
            }
        };
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            Connection c = connection;
            connection = null;
            c.close();
        }
    }
}
