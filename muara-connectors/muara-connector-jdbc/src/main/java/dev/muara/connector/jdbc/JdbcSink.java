package dev.muara.connector.jdbc;

import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StateStore;
import dev.muara.api.sink.SupportsTransactionalState;
import dev.muara.api.sink.WriterContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** A relational database as a target, keeping the pipeline state in its own table. */
final class JdbcSink implements Sink, SupportsTransactionalState {

    private final Dialect dialect;
    private final SinkContext context;
    private final Options options;
    private final ConnectionSettings settings;
    private Connections connections;
    private boolean stateTableReady;

    JdbcSink(Dialect dialect, SinkContext context, Options options, ConnectionSettings settings) {
        this.dialect = dialect;
        this.context = context;
        this.options = options;
        this.settings = settings;
    }

    private synchronized Connection connection() throws SQLException {
        if (connections == null) {
            connections = dialect.connections(settings);
        }
        Connection connection = connections.get();
        if (!stateTableReady) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : dialect.createStateTable()) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            stateTableReady = true;
        }
        return connection;
    }

    @Override
    public SinkWriter open(WriterContext run) {
        try {
            return new JdbcWriter(dialect, connection(), settings, context.pipeline(), options, run);
        } catch (SQLException e) {
            throw dialect.failure("cannot open " + settings.describe(), e, settings);
        }
    }

    @Override
    public StateStore stateStore() {
        return new StateStore() {
            @Override
            public Optional<String> load() {
                try (Connection connection = connection();
                        PreparedStatement query = connection.prepareStatement("SELECT state FROM " + dialect.stateTable() + " WHERE pipeline = ?")) {
                    query.setString(1, context.pipeline());
                    try (ResultSet rows = query.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                    }
                } catch (SQLException e) {
                    throw dialect.failure("cannot read the pipeline state", e, settings);
                }
            }

            @Override
            public void reset() {
                try (Connection connection = connection();
                        PreparedStatement delete = connection.prepareStatement("DELETE FROM " + dialect.stateTable() + " WHERE pipeline = ?")) {
                    delete.setString(1, context.pipeline());
                    delete.executeUpdate();
                } catch (SQLException e) {
                    throw dialect.failure("cannot reset the pipeline state", e, settings);
                }
            }
        };
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }
}
