package dev.muara.connector.jdbc;

import dev.muara.api.data.DataType;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** PostgreSQL: binary COPY in and out, transactional DDL. */
final class PostgresDialect extends Dialect {

    static final OptionSpec<Long> PORT = JdbcOptions.port(5432);
    static final OptionSpec<String> SSL_MODE = JdbcOptions.sslMode("prefer");
    static final OptionSpec<Boolean> BINARY_COPY = OptionSpec.bool("binary_copy",
            "Read with COPY ... TO STDOUT (FORMAT binary), the fastest way out of PostgreSQL; false reads through a "
                    + "server-side cursor (fetch_size rows at a time), for PostgreSQL-compatible servers and proxies "
                    + "without COPY.").withDefault(true).perStream();

    @Override
    String type() {
        return "postgres";
    }

    @Override
    String url(ConnectionSettings settings) {
        return "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + settings.database();
    }

    @Override
    Properties properties(ConnectionSettings settings) {
        Properties properties = super.properties(settings);
        properties.setProperty("sslmode", settings.sslMode());
        if (settings.sslRootCert() != null) {
            properties.setProperty("sslrootcert", settings.sslRootCert().toString());
        }
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        properties.setProperty("ApplicationName", "muara");
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
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
    String defaultSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    ColumnInfo column(String name, int jdbcType, String typeName, int precision, int scale) {
        String t = typeName.toLowerCase(Locale.ROOT);
        if (t.startsWith("_") || jdbcType == Types.ARRAY) {
            return new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.JSON, null);
        }
        return switch (t) {
            case "json", "jsonb" -> new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.JSON, null);
            case "bool" -> new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.BOOLEAN, null);
            case "timestamptz" -> new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.TIMESTAMP_TZ, null);
            case "timestamp" -> new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.TIMESTAMP, null);
            case "timetz", "money", "interval", "uuid", "inet", "cidr", "macaddr", "xml", "bit", "varbit" ->
                new ColumnInfo(name, jdbcType, typeName, precision, scale, DataType.STRING, null);
            case "numeric" -> super.column(name, Types.NUMERIC, typeName, precision == 131089 ? 0 : precision, scale);
            default -> super.column(name, jdbcType, typeName, precision, scale);
        };
    }

    @Override
    String selectExpression(ColumnInfo column) {
        String t = column.typeName().toLowerCase(Locale.ROOT);
        if (t.startsWith("_") || column.jdbcType() == Types.ARRAY) {
            return "to_json(" + quote(column.name()) + ")::text AS " + quote(column.name());
        }
        return quote(column.name());
    }

    @Override
    boolean orderable(ColumnInfo column) {
        String t = column.typeName().toLowerCase(Locale.ROOT);
        return super.orderable(column) && !t.equals("xml") && !t.equals("point") && !t.startsWith("_");
    }

    @Override
    List<OptionSpec<?>> readOptions() {
        return List.of(BINARY_COPY);
    }

    /** Binary COPY: no text to parse, and values arrive as the server stores them (see {@link PgCopyRows}). */
    @Override
    SplitRows openRows(Connection connection, SplitQuery query, Options options) throws SQLException {
        return options.get(BINARY_COPY) ? PgCopyRows.open(this, connection, query) : super.openRows(connection, query, options);
    }

    @Override
    void prepareForStreaming(Connection connection) throws SQLException {
        // pgjdbc fetches in chunks only inside a transaction; otherwise it loads the whole result
        connection.setAutoCommit(false);
    }

    @Override
    String sqlType(DataType type, boolean key) {
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case INT32 -> "integer";
            case INT64 -> "bigint";
            case FLOAT64 -> "double precision";
            case DECIMAL -> "numeric(" + type.precision() + "," + type.scale() + ")";
            case STRING -> "text";
            case BINARY -> "bytea";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            // json keeps the text as written, so values round-trip exactly; jsonb columns made by hand load too
            case JSON -> "json";
        };
    }

    @Override
    String stateTable() {
        return "\"_muara\".\"pipeline_state\"";
    }

    @Override
    List<String> createStateTable() {
        return List.of("CREATE SCHEMA IF NOT EXISTS \"_muara\"",
                "CREATE TABLE IF NOT EXISTS " + stateTable() + " (pipeline text PRIMARY KEY, checkpoint bigint NOT NULL, "
                        + "state text NOT NULL, updated_at timestamptz NOT NULL)");
    }

    @Override
    String upsertState() {
        return "INSERT INTO " + stateTable() + " (pipeline, checkpoint, state, updated_at) VALUES (?, ?, ?, now()) "
                + "ON CONFLICT (pipeline) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, state = EXCLUDED.state, "
                + "updated_at = EXCLUDED.updated_at";
    }

    @Override
    RowLoader loader(Connection connection, TableShape shape) throws SQLException {
        return new PgCopyLoader(connection, shape);
    }

    /** The merge of a staging table into its target: the last version of each key, upserted. */
    String mergeFromStaging(String target, String staging, List<String> columns, List<String> key) {
        String keys = String.join(", ", key.stream().map(this::quote).toList());
        String list = String.join(", ", columns.stream().map(this::quote).toList());
        List<String> updates = columns.stream().filter(c -> !key.contains(c)).map(c -> quote(c) + " = EXCLUDED." + quote(c)).toList();
        return "INSERT INTO " + target + " (" + list + ") SELECT DISTINCT ON (" + keys + ") " + list + " FROM " + staging
                + " ORDER BY " + keys + ", \"_muara_seq\" DESC ON CONFLICT (" + keys + ") "
                + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", updates));
    }

    @Override
    boolean transientError(SQLException e) {
        String state = e.getSQLState();
        return super.transientError(e) || state != null && (state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
