package dev.muara.connector.jdbc;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates and fills tables with plain JDBC (not Muara's own loaders), and builds connector options. */
final class JdbcTesting {

    private JdbcTesting() {
    }

    static Map<String, Object> postgresOptions(String database) {
        TestDatabases.Server pg = TestDatabases.postgres();
        Map<String, Object> options = new HashMap<>();
        options.put("host", pg.host());
        options.put("port", (long) pg.port());
        options.put("database", database);
        options.put("user", pg.user());
        return options;
    }

    static Map<String, Object> mariadbOptions(String database) {
        TestDatabases.Server server = TestDatabases.mariadb().orElseThrow();
        Map<String, Object> options = new HashMap<>();
        options.put("host", server.host());
        options.put("port", (long) server.port());
        options.put("database", database);
        options.put("user", server.user());
        return options;
    }

    /** Creates {@code table} with the columns of {@code schema} (the first is the primary key) and inserts {@code rows}. */
    static void createAndFill(Connection connection, Dialect dialect, String table, Schema schema, List<List<Object>> rows,
            Map<TypeKind, String> typeOverrides) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            DataType type = schema.field(c).type();
            String sql = typeOverrides.getOrDefault(type.kind(), dialect.sqlType(type, c == 0));
            columns.add(dialect.quote(schema.field(c).name()) + " " + sql);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + dialect.quote(table) + " (" + String.join(", ", columns) + ", PRIMARY KEY ("
                    + dialect.quote(schema.field(0).name()) + "))");
        }
        String marks = "?, ".repeat(schema.size() - 1) + "?";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + dialect.quote(table) + " VALUES (" + marks + ")")) {
            for (List<Object> row : rows) {
                for (int c = 0; c < schema.size(); c++) {
                    bind(insert, c + 1, row.get(c), schema.field(c).type(), dialect);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, int index, Object value, DataType type, Dialect dialect) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
            return;
        }
        boolean sqlite = dialect instanceof SqliteDialect;
        switch (type.kind()) {
            case JSON -> {
                if (insert.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                    insert.setObject(index, value, Types.OTHER);
                } else {
                    insert.setString(index, (String) value);
                }
            }
            case TIMESTAMP_TZ -> {
                Instant instant = (Instant) value;
                if (sqlite) {
                    insert.setString(index, instant.toString());
                } else if (dialect instanceof MySqlDialect) {
                    insert.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    insert.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                }
            }
            case DATE, TIME, TIMESTAMP, DECIMAL -> {
                if (sqlite) {
                    insert.setString(index, value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
                } else {
                    insert.setObject(index, value);
                }
            }
            default -> insert.setObject(index, value);
        }
    }
}
