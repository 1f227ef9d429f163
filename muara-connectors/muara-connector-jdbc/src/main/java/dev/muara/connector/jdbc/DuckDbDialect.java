package dev.muara.connector.jdbc;

import dev.muara.api.data.DataType;
import dev.muara.api.error.MuaraException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * DuckDB as a source, opened read-only so other readers may share the file. (DuckDB as a target is the
 * {@code duckdb} connector of its own module, which loads through DuckDB's Appender.)
 */
final class DuckDbDialect extends Dialect {

    @Override
    String type() {
        return "duckdb";
    }

    @Override
    String url(ConnectionSettings settings) {
        return "jdbc:duckdb:" + settings.database();
    }

    @Override
    Properties properties(ConnectionSettings settings) {
        Properties properties = super.properties(settings);
        properties.setProperty("duckdb.read_only", "true");
        return properties;
    }

    @Override
    Connections connections(ConnectionSettings settings) {
        return Connections.duckdb(this, settings);
    }

    @Override
    String defaultSchema(Connection connection) {
        return "main";
    }

    @Override
    ColumnInfo column(String name, int jdbcType, String typeName, int precision, int scale) {
        String t = typeName.toUpperCase(Locale.ROOT);
        if (t.equals("JSON") || t.endsWith("[]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("LIST")
                || t.startsWith("UNION")) {
            return new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.JSON, null);
        }
        if (t.equals("HUGEINT") || t.equals("UBIGINT") || t.equals("UHUGEINT")) {
            return new ColumnInfo(name, Types.DECIMAL, typeName, 38, 0, DataType.decimal(38, 0), null);
        }
        if (t.equals("UINTEGER")) {
            return new ColumnInfo(name, Types.BIGINT, typeName, precision, scale, DataType.INT64, null);
        }
        if (t.startsWith("TIMESTAMP WITH TIME ZONE") || t.equals("TIMESTAMPTZ")) {
            return new ColumnInfo(name, Types.TIMESTAMP_WITH_TIMEZONE, typeName, precision, scale, DataType.TIMESTAMP_TZ, null);
        }
        if (t.startsWith("DECIMAL")) {
            return super.column(name, Types.DECIMAL, typeName, precision, scale);
        }
        DataType plain = switch (t) {
            case "BOOLEAN" -> DataType.BOOLEAN;
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> DataType.INT32;
            case "BIGINT" -> DataType.INT64;
            case "FLOAT", "DOUBLE" -> DataType.FLOAT64;
            case "VARCHAR" -> DataType.STRING;
            case "BLOB" -> DataType.BINARY;
            case "DATE" -> DataType.DATE;
            case "TIME" -> DataType.TIME;
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> DataType.TIMESTAMP;
            default -> null;
        };
        if (plain != null) {
            return new ColumnInfo(name, jdbcType, typeName, precision, scale, plain, null);
        }
        if (t.equals("UUID") || t.equals("INTERVAL")) {
            return new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.STRING, null);
        }
        return super.column(name, jdbcType, typeName, precision, scale);
    }

    @Override
    String selectExpression(ColumnInfo column) {
        String t = column.typeName().toUpperCase(Locale.ROOT);
        if (column.type().equals(DataType.JSON) && !t.equals("JSON")) {
            return "to_json(" + quote(column.name()) + ")::VARCHAR AS " + quote(column.name());
        }
        if (column.type().equals(DataType.STRING) && (t.equals("UUID") || t.equals("INTERVAL"))) {
            return quote(column.name()) + "::VARCHAR AS " + quote(column.name());
        }
        return quote(column.name());
    }

    @Override
    String sqlType(DataType type, boolean key) {
        throw new UnsupportedOperationException("DuckDB is written by the duckdb target connector");
    }

    @Override
    String stateTable() {
        throw new UnsupportedOperationException("DuckDB is written by the duckdb target connector");
    }

    @Override
    List<String> createStateTable() {
        throw new UnsupportedOperationException("DuckDB is written by the duckdb target connector");
    }

    @Override
    String upsertState() {
        throw new UnsupportedOperationException("DuckDB is written by the duckdb target connector");
    }

    @Override
    RowLoader loader(Connection connection, TableShape shape) throws SQLException {
        throw MuaraException.internal("DuckDB is written by the duckdb target connector", null);
    }
}
