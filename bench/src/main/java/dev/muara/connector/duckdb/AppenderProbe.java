package dev.muara.connector.duckdb;

import dev.muara.api.data.Batch;
import dev.muara.api.option.Options;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The microbenchmarks' way into {@link TableLoad}, the DuckDB target's Appender path, which is package-private: it
 * lives in that package but in the bench module, so Muara's own code has no seam for it. Loads into an in-memory
 * database, one thread, so the figure is the Appender path's and not the disk's.
 */
public final class AppenderProbe implements AutoCloseable {

    private static final String TABLE = "bench";

    private final DuckDBConnection connection;
    private final StreamTarget target = new StreamTarget("bench", TABLE, WriteMode.APPEND, List.of(),
            Options.of("bench", Map.of()));

    public AppenderProbe() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("threads", "1");
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
        connection.setAutoCommit(false);
    }

    /** Appends {@code batches} as the DuckDB target does with {@code write: append}, and commits. */
    public void append(List<Batch> batches) throws SQLException {
        TableLoad load = new TableLoad(connection, target, "main", false);
        for (Batch batch : batches) {
            load.write(batch);
        }
        load.flush(false);
        connection.commit();
    }

    /** Drops the table, so the next {@link #append} starts from none. */
    public void reset() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS main." + TABLE);
        }
        connection.commit();
    }

    /** The rows in the table. */
    public long rows() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM main." + TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
