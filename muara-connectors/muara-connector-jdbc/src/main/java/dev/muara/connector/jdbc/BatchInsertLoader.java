package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads rows with one prepared INSERT sent in batches (the MariaDB driver turns them into its bulk protocol;
 * SQLite runs them inside the open transaction without a round trip each). For merge, the INSERT carries the
 * database's upsert clause, so a later row with the same key replaces an earlier one.
 */
final class BatchInsertLoader implements RowLoader {

    private static final int ROWS_PER_BATCH = 2000;

    private final Dialect dialect;
    private final PreparedStatement statement;
    private final List<ColumnInfo> columns;
    private int pending;

    BatchInsertLoader(Connection connection, Dialect dialect, TableShape shape, String upsertClause) throws SQLException {
        this.dialect = dialect;
        this.columns = shape.columns();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(shape.qualified()).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i).name()));
        }
        sql.append(") VALUES (").append("?, ".repeat(columns.size() - 1)).append("?)");
        if (shape.upsert() && upsertClause != null) {
            sql.append(' ').append(upsertClause);
        }
        this.statement = connection.prepareStatement(sql.toString());
    }

    @Override
    public void load(Column[] values, int rows, long firstSequence) throws SQLException {
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < columns.size(); c++) {
                Column column = values[c];
                if (column == null || column.isNull(row)) {
                    statement.setNull(c + 1, columns.get(c).jdbcType());
                } else {
                    dialect.bind(statement, c + 1, column, row, columns.get(c));
                }
            }
            statement.addBatch();
            if (++pending >= ROWS_PER_BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }

    @Override
    public void abort() {
        try {
            statement.close();
        } catch (SQLException e) {
            // the rollback that follows discards the rows either way
        }
        pending = 0;
    }

    @Override
    public void finish() throws SQLException {
        try (statement) {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }
}
