package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import java.sql.SQLException;

/**
 * A database's bulk path into one table: binary COPY for PostgreSQL, batched prepared inserts for MySQL and
 * SQLite. Rows become part of the open transaction by {@link #finish()} at the latest.
 */
interface RowLoader {

    /**
     * Loads {@code rows} rows; {@code columns} holds one column per table column, in table order, already of the
     * table column's Muara type, or null where the row has no value for it.
     *
     * @param firstSequence the arrival number of the first row, for staging tables that keep the last version
     */
    void load(Column[] columns, int rows, long firstSequence) throws SQLException;

    /** Sends what is buffered and releases what the loader holds; it is not used again. */
    void finish() throws SQLException;

    /**
     * Drops what is buffered or under way and releases what the loader holds, before a rollback (a connection in
     * the middle of a COPY can do nothing else).
     */
    void abort();
}
