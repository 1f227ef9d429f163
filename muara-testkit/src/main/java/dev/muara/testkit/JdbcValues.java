package dev.muara.testkit;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads query results as the plain Java values Muara's columns give, whatever the database and driver (for tests
 * that compare what a target holds with what was sent): a DATETIME read as an instant where an instant was sent,
 * an ISO text read as a date where a date was sent, and so on.
 */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** The rows of {@code sql}, whose columns are those of {@code expected}, in order. */
    public static List<List<Object>> query(Connection connection, String sql, Schema expected) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < expected.size(); c++) {
                    row.add(value(result, c + 1, expected.field(c).type()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@code SELECT <columns> FROM <table>} with identifiers quoted by {@code quote}. */
    public static String select(String table, Schema columns, char quote) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Field f = columns.field(i);
            sql.append(i == 0 ? "" : ", ").append(quote).append(f.name()).append(quote);
        }
        return sql.append(" FROM ").append(quote).append(table).append(quote).toString();
    }

    static Object value(ResultSet rows, int i, DataType type) throws SQLException {
        Object raw = rows.getObject(i);
        if (raw == null) {
            return null;
        }
        String text = rows.getString(i);
        return switch (type.kind()) {
            case BOOLEAN -> raw instanceof Boolean b ? b : raw instanceof Number n ? n.intValue() != 0
                    : text.equals("1") || text.equalsIgnoreCase("true") || text.equals("t");
            case INT32 -> ((Number) (raw instanceof Number ? raw : Long.parseLong(text))).intValue();
            case INT64 -> ((Number) (raw instanceof Number ? raw : Long.parseLong(text))).longValue();
            // a float4 reads best through its shortest decimal form, as drivers' getDouble gives it
            case FLOAT64 -> raw instanceof Float f ? Double.parseDouble(f.toString())
                    : ((Number) (raw instanceof Number ? raw : Double.parseDouble(text))).doubleValue();
            case DECIMAL -> new BigDecimal(text.trim()).setScale(type.scale());
            case BINARY -> rows.getBytes(i);
            case DATE -> LocalDate.parse(text.substring(0, 10));
            case TIME -> LocalTime.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
            case TIMESTAMP_TZ -> instant(rows, i, text);
            default -> text;
        };
    }

    private static Instant instant(ResultSet rows, int i, String text) throws SQLException {
        if (text.endsWith("Z")) {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        }
        try {
            return rows.getObject(i, OffsetDateTime.class).toInstant();
        } catch (SQLException | RuntimeException e) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
