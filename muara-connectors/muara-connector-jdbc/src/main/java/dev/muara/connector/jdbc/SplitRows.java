package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import java.sql.SQLException;

/** The rows of a split's query as the database hands them over: a JDBC result set, or a COPY stream. */
interface SplitRows extends AutoCloseable {

    /** Appends up to {@code capacity} rows to {@code columns}, fewer only when the rows end, and says how many. */
    int fill(Column[] columns, int capacity) throws SQLException;

    /** The bytes received so far, or 0 where the driver does not say. */
    default long bytesRead() {
        return 0;
    }

    /** Ends the query, also before its last row; the connection stays open. */
    @Override
    void close() throws SQLException;
}
