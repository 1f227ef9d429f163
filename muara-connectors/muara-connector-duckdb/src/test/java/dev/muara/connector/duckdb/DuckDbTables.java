package dev.muara.connector.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads DuckDB tables back as plain Java values, for assertions. */
final class DuckDbTables {

    private DuckDbTables() {
    }

    static List<List<Object>> query(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(value(rows, c, meta.getColumnTypeName(c)));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static Object value(ResultSet rows, int c, String type) throws SQLException {
        if (rows.getObject(c) == null) {
            return null;
        }
        String t = type.toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("DECIMAL")) {
            return rows.getBigDecimal(c);
        }
        return switch (t) {
            case "BIGINT" -> rows.getLong(c);
            case "INTEGER" -> rows.getInt(c);
            case "BOOLEAN" -> rows.getBoolean(c);
            case "DOUBLE" -> rows.getDouble(c);
            case "BLOB" -> rows.getBytes(c);
            case "DATE" -> rows.getObject(c, LocalDate.class);
            case "TIME" -> rows.getObject(c, LocalTime.class);
            case "TIMESTAMP" -> rows.getObject(c, LocalDateTime.class);
            case "TIMESTAMP WITH TIME ZONE" -> rows.getObject(c, OffsetDateTime.class).toInstant();
            default -> rows.getString(c);
        };
    }
}
