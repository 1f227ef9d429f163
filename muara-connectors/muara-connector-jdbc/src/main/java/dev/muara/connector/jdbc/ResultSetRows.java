package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A split's rows through a streaming JDBC result set, each value read by the dialect. */
final class ResultSetRows implements SplitRows {

    private final Dialect dialect;
    private final List<ColumnInfo> columns;
    private final PreparedStatement statement;
    private final ResultSet rows;

    private ResultSetRows(Dialect dialect, List<ColumnInfo> columns, PreparedStatement statement, ResultSet rows) {
        this.dialect = dialect;
        this.columns = columns;
        this.statement = statement;
        this.rows = rows;
    }

    static ResultSetRows open(Dialect dialect, Connection connection, SplitQuery query, int fetchSize) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = query.render(dialect::selectExpression, value -> {
            parameters.add(dialect.bindValue(value.column().type(), value.text()));
            return dialect.comparedParameter(value.column());
        });
        dialect.prepareForStreaming(connection);
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            dialect.streamResults(connection, statement, fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return new ResultSetRows(dialect, query.split().columns(), statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public int fill(Column[] into, int capacity) throws SQLException {
        int count = 0;
        while (count < capacity && rows.next()) {
            for (int i = 0; i < into.length; i++) {
                dialect.read(rows, i + 1, columns.get(i), into[i]);
            }
            count++;
        }
        return count;
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
