package dev.muara.connector.duckdb;

import static dev.muara.connector.duckdb.DuckDbTypes.quote;

import dev.muara.api.data.Batch;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.sink.WriterContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.muara.api.data.Schema;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every stream of a run into DuckDB inside one open transaction per checkpoint. Rows go in through the
 * Appender (append: into the table; merge: into a temporary staging table, upserted at commit with MERGE INTO;
 * replace: into a {@code <table>__muara_replace} table swapped in at the last commit). Each commit writes the
 * pipeline state in the same transaction, so data and state never disagree.
 */
final class DuckDbWriter implements SinkWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbWriter.class);

    private final DuckDBConnection connection;
    private final SinkContext context;
    private final WriterContext run;
    private final Map<String, StreamTarget> targets = new HashMap<>();
    private final Map<String, TableLoad> loads = new HashMap<>();
    private final String defaultSchema;

    DuckDbWriter(DuckDBConnection connection, SinkContext context, Options options, WriterContext run) {
        this.connection = connection;
        this.context = context;
        this.run = run;
        this.defaultSchema = options.get(DuckDbSinkConnector.SCHEMA);
        run.streams().forEach(t -> targets.put(t.stream(), t));
        try {
            connection.setAutoCommit(false);
            begin();
        } catch (SQLException e) {
            throw failure("cannot start a transaction", e, null);
        }
    }

    /**
     * Starts the next transaction now. DuckDB's JDBC driver begins a transaction lazily, at the first statement;
     * the Appender alone would otherwise write outside it, committed at once and beyond rollback.
     */
    private void begin() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    @Override
    public void write(String stream, Batch batch) {
        TableLoad load = null;
        try {
            load = load(stream);
            load.write(batch);
        } catch (SQLException e) {
            throw failure("cannot write to " + (load == null ? stream : load.tableName()), e, load);
        }
    }

    @Override
    public Optional<Schema> tableSchema(String stream) {
        try {
            return load(stream).schema();
        } catch (SQLException e) {
            throw failure("cannot read the columns of the table of " + stream, e, null);
        }
    }

    @Override
    public void addStream(StreamTarget target) {
        targets.put(target.stream(), target);
    }

    private TableLoad load(String stream) throws SQLException {
        TableLoad load = loads.get(stream);
        if (load == null) {
            StreamTarget target = targets.get(stream);
            if (target == null) {
                throw MuaraException.internal("no target for stream " + stream, null);
            }
            String schema = target.options().get(DuckDbSinkConnector.SCHEMA);
            load = new TableLoad(connection, target, schema == null ? defaultSchema : schema, run.resuming());
            loads.put(stream, load);
        }
        return load;
    }

    @Override
    public CommitResult commit(Checkpoint checkpoint) {
        try {
            long committed = committedCheckpoint();
            if (committed >= checkpoint.id()) {
                rollback();
                return CommitResult.ALREADY_COMMITTED;
            }
            for (TableLoad load : loads.values()) {
                load.flush(checkpoint.last());
            }
            if (checkpoint.last()) {
                for (StreamTarget target : targets.values()) {
                    if (target.write() == WriteMode.REPLACE && !loads.containsKey(target.stream())) {
                        String schema = target.options().get(DuckDbSinkConnector.SCHEMA);
                        TableLoad.emptyReplace(connection, target, schema == null ? defaultSchema : schema);
                    }
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO " + DuckDbSink.STATE_TABLE
                    + " (pipeline, checkpoint, state, updated_at) VALUES (?, ?, ?, now())")) {
                upsert.setString(1, context.pipeline());
                upsert.setLong(2, checkpoint.id());
                upsert.setString(3, checkpoint.state());
                upsert.executeUpdate();
            }
            connection.commit();
            begin();
            return CommitResult.COMMITTED;
        } catch (SQLException e) {
            try {
                rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw failure("cannot commit checkpoint " + checkpoint.id(), e, null);
        }
    }

    private long committedCheckpoint() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT checkpoint FROM " + DuckDbSink.STATE_TABLE + " WHERE pipeline = ?")) {
            query.setString(1, context.pipeline());
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
        for (TableLoad load : loads.values()) {
            load.discard();
        }
        loads.clear();
        connection.rollback();
        begin();
    }

    @Override
    public void close() throws SQLException {
        for (TableLoad load : loads.values()) {
            load.discard();
        }
        loads.clear();
        connection.rollback();
        connection.setAutoCommit(true);
    }

    private MuaraException failure(String what, SQLException e, TableLoad load) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.debug("DuckDB failure", e);
        MuaraException error = MuaraException.connection(what + ": " + message, e);
        if (load != null) {
            error.at(load.tableName());
        }
        if (message.contains("Out of Memory")) {
            error.withHint("raise target.memory_limit, or lower parallelism and batch_rows");
        }
        return error;
    }
}
