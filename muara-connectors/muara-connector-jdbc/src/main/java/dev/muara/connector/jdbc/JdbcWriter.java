package dev.muara.connector.jdbc;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every stream of a run into one database connection, inside one transaction per checkpoint; each commit
 * writes the pipeline state in the same transaction, so data and state never disagree. Where DDL commits by itself
 * (MySQL), a replace swaps its table right after the commit that completes it.
 */
final class JdbcWriter implements SinkWriter {

    private final Dialect dialect;
    private final Connection connection;
    private final ConnectionSettings settings;
    private final String pipeline;
    private final WriterContext run;
    private final String defaultSchema;
    private final Map<String, StreamTarget> targets = new HashMap<>();
    private final Map<String, TableTarget> tables = new LinkedHashMap<>();
    private String lastStream;

    JdbcWriter(Dialect dialect, Connection connection, ConnectionSettings settings, String pipeline, Options options,
            WriterContext run) throws SQLException {
        this.dialect = dialect;
        this.connection = connection;
        this.settings = settings;
        this.pipeline = pipeline;
        this.run = run;
        String schema = options.get(JdbcOptions.TARGET_SCHEMA);
        this.defaultSchema = schema != null ? schema : dialect.createsSchemas() ? dialect.defaultSchema(connection) : null;
        run.streams().forEach(t -> targets.put(t.stream(), t));
        connection.setAutoCommit(false);
    }

    @Override
    public void addStream(StreamTarget target) {
        targets.put(target.stream(), target);
    }

    private TableTarget table(String stream) throws SQLException {
        TableTarget table = tables.get(stream);
        if (table == null) {
            StreamTarget target = targets.get(stream);
            if (target == null) {
                throw MuaraException.internal("no target for stream " + stream, null);
            }
            String schema = target.options().get(JdbcOptions.TARGET_SCHEMA);
            endLoads(); // the new table reads the catalog
            table = new TableTarget(connection, dialect, target, schema != null ? schema : defaultSchema, run.resuming());
            tables.put(stream, table);
        }
        return table;
    }

    @Override
    public void write(String stream, Batch batch) {
        try {
            // a connection in the middle of a COPY answers no other statement (tables that take turns: a parent
            // and its unnest child tables): the other tables' loads end here, their rows stay in the transaction
            if (!stream.equals(lastStream)) {
                endLoads();
                lastStream = stream;
            }
            table(stream).write(batch);
        } catch (SQLException e) {
            throw dialect.failure("cannot load " + stream + " into " + targets.get(stream).table(), e, settings);
        }
    }

    private void endLoads() throws SQLException {
        for (TableTarget table : tables.values()) {
            table.endLoad();
        }
    }

    @Override
    public Optional<Schema> tableSchema(String stream) {
        try {
            return table(stream).schema();
        } catch (SQLException e) {
            throw dialect.failure("cannot read the columns of " + targets.get(stream).table(), e, settings);
        }
    }

    @Override
    public CommitResult commit(Checkpoint checkpoint) {
        try {
            // every load ends first: a connection in the middle of a COPY answers no other statement
            endLoads();
            for (TableTarget table : tables.values()) {
                table.flush(checkpoint.last());
            }
            if (committedCheckpoint() >= checkpoint.id()) {
                rollback();
                return CommitResult.ALREADY_COMMITTED;
            }
            if (checkpoint.last() && dialect.transactionalDdl()) {
                swapUntouchedReplacements();
            }
            try (PreparedStatement upsert = connection.prepareStatement(dialect.upsertState())) {
                upsert.setString(1, pipeline);
                upsert.setLong(2, checkpoint.id());
                upsert.setString(3, checkpoint.state());
                upsert.executeUpdate();
            }
            connection.commit();
            if (checkpoint.last() && !dialect.transactionalDdl()) {
                for (TableTarget table : tables.values()) {
                    table.swap();
                }
                swapUntouchedReplacements();
                connection.commit();
            }
            return CommitResult.COMMITTED;
        } catch (SQLException e) {
            try {
                rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw dialect.failure("cannot commit checkpoint " + checkpoint.id(), e, settings);
        }
    }

    /** A replace stream that received no rows in this run still replaces: its table loses its rows. */
    private void swapUntouchedReplacements() throws SQLException {
        for (StreamTarget target : targets.values()) {
            if (target.write() == WriteMode.REPLACE && !tables.containsKey(target.stream())) {
                table(target.stream()).swap();
            }
        }
    }

    private long committedCheckpoint() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT checkpoint FROM " + dialect.stateTable() + " WHERE pipeline = ?")) {
            query.setString(1, pipeline);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    @Override
    public void abort() throws SQLException {
        rollback();
    }

    private void rollback() throws SQLException {
        tables.values().forEach(TableTarget::discard);
        tables.clear();
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        try {
            rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
