package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.option.OptionSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * MySQL and MariaDB, through the MariaDB driver: sessions in UTC, batched inserts in the driver's bulk protocol,
 * upserts with {@code ON DUPLICATE KEY UPDATE}. DDL commits on its own in MySQL, so a replace swaps its table
 * (one atomic RENAME) right after the commit that completes it.
 */
final class MySqlDialect extends Dialect {

    static final OptionSpec<Long> PORT = JdbcOptions.port(3306);
    static final OptionSpec<String> SSL_MODE = JdbcOptions.sslMode("disable");

    @Override
    String type() {
        return "mysql";
    }

    @Override
    String url(ConnectionSettings settings) {
        return "jdbc:mariadb://" + settings.host() + ":" + settings.port() + "/" + settings.database();
    }

    @Override
    Properties properties(ConnectionSettings settings) {
        Properties properties = super.properties(settings);
        properties.setProperty("sslMode", switch (settings.sslMode()) {
            case "require" -> "trust";
            case "verify-ca" -> "verify-ca";
            case "verify-full" -> "verify-full";
            default -> "disable";
        });
        if (settings.sslRootCert() != null) {
            properties.setProperty("serverSslCert", settings.sslRootCert().toString());
        }
        properties.setProperty("connectTimeout", Long.toString(settings.connectTimeout().toMillis()));
        // the connector never reads local files for the server, whatever the server asks
        properties.setProperty("allowLocalInfile", "false");
        properties.setProperty("yearIsDateType", "false");
        properties.setProperty("tinyInt1isBit", "true");
        return properties;
    }

    @Override
    String connectionInit() {
        return "SET time_zone = '+00:00'";
    }

    @Override
    OptionSpec<Long> portOption() {
        return PORT;
    }

    @Override
    OptionSpec<String> sslModeOption() {
        return SSL_MODE;
    }

    @Override
    String offset(long rows) {
        return "LIMIT 18446744073709551615 OFFSET " + rows;
    }

    @Override
    String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    String defaultSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    boolean catalogIsSchema() {
        return true;
    }

    @Override
    String metadataCatalog(Connection connection, String schema) throws SQLException {
        return schema != null ? schema : connection.getCatalog();
    }

    @Override
    String metadataSchema(String schema) {
        return null;
    }

    @Override
    boolean createsSchemas() {
        return false;
    }

    @Override
    ColumnInfo column(String name, int jdbcType, String typeName, int precision, int scale) {
        String t = typeName.toUpperCase(Locale.ROOT);
        boolean unsigned = t.contains("UNSIGNED");
        if (unsigned && (t.startsWith("INT") || t.startsWith("MEDIUMINT") || t.startsWith("SMALLINT") || t.startsWith("TINYINT"))) {
            return new ColumnInfo(name, Types.BIGINT, typeName, precision, scale, DataType.INT64, null);
        }
        if (unsigned && t.startsWith("BIGINT")) {
            return new ColumnInfo(name, Types.DECIMAL, typeName, 20, 0, DataType.decimal(20, 0), null);
        }
        if (t.startsWith("TIMESTAMP")) {
            // MySQL keeps TIMESTAMP in UTC and shows it in the session's zone, which Muara sets to UTC
            return new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.TIMESTAMP_TZ, null);
        }
        if (t.equals("JSON")) {
            return new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.JSON, null);
        }
        if (t.equals("YEAR")) {
            return new ColumnInfo(name, Types.SMALLINT, typeName, precision, scale, DataType.INT32, null);
        }
        if (t.equals("BIT") && precision <= 1 || t.equals("BOOLEAN") || t.equals("TINYINT") && precision == 1) {
            return new ColumnInfo(name, Types.BOOLEAN, typeName, precision, scale, DataType.BOOLEAN, null);
        }
        return super.column(name, jdbcType, typeName, precision, scale);
    }

    @Override
    void read(ResultSet rows, int index, ColumnInfo column, Column into) throws SQLException {
        if (column.type().kind() == dev.muara.api.data.TypeKind.TIMESTAMP_TZ) {
            LocalDateTime v = rows.getObject(index, LocalDateTime.class);
            if (v == null) {
                into.appendNull();
            } else {
                into.appendLong(micros(v.toInstant(ZoneOffset.UTC)));
            }
            return;
        }
        super.read(rows, index, column, into);
    }

    @Override
    void bind(PreparedStatement statement, int index, Column column, int row, ColumnInfo target) throws SQLException {
        if (column.type().kind() == dev.muara.api.data.TypeKind.TIMESTAMP_TZ) {
            // DATETIME and TIMESTAMP columns both take the UTC wall time in a UTC session
            statement.setObject(index, localDateTime(column.getLong(row)));
            return;
        }
        super.bind(statement, index, column, row, target);
    }

    @Override
    Object bindValue(DataType type, String text) {
        if (type.kind() == dev.muara.api.data.TypeKind.TIMESTAMP_TZ) {
            // the driver would shift an OffsetDateTime into the JVM's zone; the session is in UTC
            return LocalDateTime.ofInstant(java.time.Instant.parse(text), ZoneOffset.UTC);
        }
        return super.bindValue(type, text);
    }

    @Override
    String sqlType(DataType type, boolean key) {
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INT";
            case INT64 -> "BIGINT";
            case FLOAT64 -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case STRING -> key ? "VARCHAR(255)" : "LONGTEXT";
            case BINARY -> key ? "VARBINARY(255)" : "LONGBLOB";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
            case JSON -> "JSON";
        };
    }

    @Override
    String lossyTarget(DataType type) {
        return type.kind() == dev.muara.api.data.TypeKind.TIMESTAMP_TZ
                ? "instants are kept as DATETIME(6) in UTC (a MySQL TIMESTAMP ends in 2038): the column no longer says it is an instant"
                : null;
    }

    @Override
    boolean transactionalDdl() {
        return false;
    }

    @Override
    String widenColumn(String table, String column, DataType type) {
        return "ALTER TABLE " + table + " MODIFY COLUMN " + quote(column) + " " + sqlType(type, false);
    }

    @Override
    String stateTable() {
        return "`_muara_pipeline_state`";
    }

    @Override
    List<String> createStateTable() {
        return List.of("CREATE TABLE IF NOT EXISTS " + stateTable() + " (pipeline VARCHAR(255) PRIMARY KEY, "
                + "checkpoint BIGINT NOT NULL, state LONGTEXT NOT NULL, updated_at DATETIME(6) NOT NULL)" + tableOptions());
    }

    /**
     * Every Unicode character, whatever the server's default character set (often latin1, or utf8mb3 without emoji),
     * and keys compared exactly, as the other databases do: with a case-insensitive collation, a merge would take
     * 'a' and 'A' for the same key.
     */
    @Override
    String tableOptions() {
        return " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    String upsertState() {
        return "INSERT INTO " + stateTable() + " (pipeline, checkpoint, state, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6)) "
                + "ON DUPLICATE KEY UPDATE checkpoint = VALUES(checkpoint), state = VALUES(state), updated_at = VALUES(updated_at)";
    }

    @Override
    RowLoader loader(Connection connection, TableShape shape) throws SQLException {
        List<String> updates = shape.columns().stream().map(ColumnInfo::name).filter(c -> !shape.key().contains(c))
                .map(c -> quote(c) + " = VALUES(" + quote(c) + ")").toList();
        String upsert = updates.isEmpty() ? "ON DUPLICATE KEY UPDATE " + quote(shape.key().get(0)) + " = " + quote(shape.key().get(0))
                : "ON DUPLICATE KEY UPDATE " + String.join(", ", updates);
        return new BatchInsertLoader(connection, this, shape, upsert);
    }

    @Override
    List<String> swap(String schema, String from, String to) {
        String old = qualified(schema, to + "__muara_old");
        String target = qualified(schema, to);
        String replacement = qualified(schema, from);
        return List.of("DROP TABLE IF EXISTS " + old, "CREATE TABLE IF NOT EXISTS " + target + " LIKE " + replacement,
                "RENAME TABLE " + target + " TO " + old + ", " + replacement + " TO " + target,
                "DROP TABLE " + old);
    }

    @Override
    boolean transientError(SQLException e) {
        int code = e.getErrorCode();
        // 1205 lock wait timeout, 1213 deadlock, 2006/2013 server gone away or lost during a query
        return super.transientError(e) || code == 1205 || code == 1213 || code == 2006 || code == 2013;
    }
}
