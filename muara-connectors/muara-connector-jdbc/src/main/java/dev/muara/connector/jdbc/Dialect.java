package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

/**
 * What differs between databases: how to connect, how types map, how identifiers are quoted, how to load in
 * bulk, which errors pass by themselves. One subclass per database; everything else in this package is shared.
 */
abstract class Dialect {

    /** The connector type: postgres, mysql, sqlite, duckdb. */
    abstract String type();

    // --- connecting ---------------------------------------------------------------------------------------------

    abstract String url(ConnectionSettings settings);

    /** Driver properties: credentials, TLS, timeouts and the checked extra properties. */
    Properties properties(ConnectionSettings settings) {
        Properties properties = new Properties();
        properties.putAll(settings.properties());
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password().reveal());
        }
        return properties;
    }

    /** SQL run on every new connection, or null. */
    String connectionInit() {
        return null;
    }

    OptionSpec<Long> portOption() {
        return JdbcOptions.port(0);
    }

    OptionSpec<String> sslModeOption() {
        return JdbcOptions.sslMode("disable");
    }

    Connections connections(ConnectionSettings settings) {
        return Connections.pooled(this, settings);
    }

    // --- names --------------------------------------------------------------------------------------------------

    String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    String qualified(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** The schema tables without one live in. */
    abstract String defaultSchema(Connection connection) throws SQLException;

    /** The catalog argument for {@link java.sql.DatabaseMetaData} calls about {@code schema}. */
    String metadataCatalog(Connection connection, String schema) throws SQLException {
        return connection.getCatalog();
    }

    /** Whether the database calls its schemas catalogs (MySQL: a schema is a database). */
    boolean catalogIsSchema() {
        return false;
    }

    /** The schema argument for {@link java.sql.DatabaseMetaData} calls about {@code schema}. */
    String metadataSchema(String schema) {
        return schema;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /** The Muara type a column is read as, from what the driver says of it. */
    ColumnInfo column(String name, int jdbcType, String typeName, int precision, int scale) {
        String lossy = null;
        DataType type = switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> precision > 1 ? DataType.STRING : DataType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> DataType.INT32;
            case Types.BIGINT -> DataType.INT64;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> DataType.FLOAT64;
            case Types.NUMERIC, Types.DECIMAL -> {
                if (precision <= 0 || precision > DataType.MAX_DECIMAL_PRECISION) {
                    lossy = "a numeric of unbounded precision is read as decimal(38,10): values with more digits are rounded";
                    yield DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 10);
                }
                yield DataType.decimal(precision, Math.max(0, Math.min(scale, precision)));
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> DataType.BINARY;
            case Types.DATE -> DataType.DATE;
            case Types.TIME -> DataType.TIME;
            case Types.TIME_WITH_TIMEZONE -> {
                lossy = "a time with time zone is read as a time: the zone is dropped";
                yield DataType.TIME;
            }
            case Types.TIMESTAMP -> DataType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> DataType.TIMESTAMP_TZ;
            default -> DataType.STRING;
        };
        return new ColumnInfo(name, jdbcType, typeName, precision, scale, type, lossy);
    }

    /** The SELECT list expression for a column: its name, or a conversion (PostgreSQL arrays to JSON). */
    String selectExpression(ColumnInfo column) {
        return quote(column.name());
    }

    /** Whether a column can order rows for resumable reading (JSON and large objects cannot, in some databases). */
    boolean orderable(ColumnInfo column) {
        TypeKind kind = column.type().kind();
        return kind != TypeKind.JSON && kind != TypeKind.BINARY;
    }

    /** Prepares a connection for a streaming read (PostgreSQL streams only inside a transaction). */
    void prepareForStreaming(Connection connection) throws SQLException {
    }

    /** Prepares a statement to stream its result instead of loading it whole. */
    void streamResults(Connection connection, Statement statement, int fetchSize) throws SQLException {
        statement.setFetchSize(fetchSize);
    }

    /** Options of how this database's tables are read, beyond those every database source has. */
    List<OptionSpec<?>> readOptions() {
        return List.of();
    }

    /** Runs a split's query on {@code connection} and hands over its rows: through a streaming JDBC result set. */
    SplitRows openRows(Connection connection, SplitQuery query, Options options) throws SQLException {
        return ResultSetRows.open(this, connection, query, options.get(JdbcOptions.FETCH_SIZE).intValue());
    }

    /** Reads the value at {@code index} of the current row into {@code into}, whose type is {@code column.type()}. */
    void read(ResultSet rows, int index, ColumnInfo column, Column into) throws SQLException {
        switch (column.type().kind()) {
            case BOOLEAN -> {
                boolean v = rows.getBoolean(index);
                if (rows.wasNull()) {
                    into.appendNull();
                } else {
                    into.appendBoolean(v);
                }
            }
            case INT32 -> {
                int v = rows.getInt(index);
                if (rows.wasNull()) {
                    into.appendNull();
                } else {
                    into.appendInt(v);
                }
            }
            case INT64 -> {
                long v = rows.getLong(index);
                if (rows.wasNull()) {
                    into.appendNull();
                } else {
                    into.appendLong(v);
                }
            }
            case FLOAT64 -> {
                double v = rows.getDouble(index);
                if (rows.wasNull()) {
                    into.appendNull();
                } else {
                    into.appendDouble(v);
                }
            }
            case DECIMAL -> {
                BigDecimal v = rows.getBigDecimal(index);
                into.appendObject(v == null ? null : v.setScale(column.type().scale(), RoundingMode.HALF_EVEN));
            }
            case BINARY -> into.appendObject(rows.getBytes(index));
            case DATE -> {
                LocalDate v = rows.getObject(index, LocalDate.class);
                if (v == null) {
                    into.appendNull();
                } else {
                    long day = v.toEpochDay();
                    if (day != (int) day) {
                        throw outOfRange(column, v);
                    }
                    into.appendInt((int) day);
                }
            }
            case TIME -> {
                LocalTime v = rows.getObject(index, LocalTime.class);
                if (v == null) {
                    into.appendNull();
                } else {
                    into.appendLong(v.toNanoOfDay() / 1000);
                }
            }
            case TIMESTAMP -> {
                LocalDateTime v = rows.getObject(index, LocalDateTime.class);
                if (v == null) {
                    into.appendNull();
                } else {
                    into.appendLong(micros(column, v, v.toInstant(ZoneOffset.UTC)));
                }
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime v = rows.getObject(index, OffsetDateTime.class);
                if (v == null) {
                    into.appendNull();
                } else {
                    into.appendLong(micros(column, v, v.toInstant()));
                }
            }
            default -> into.appendObject(rows.getString(index));
        }
    }

    private static long micros(ColumnInfo column, Object value, Instant instant) {
        try {
            return micros(instant);
        } catch (ArithmeticException e) {
            throw outOfRange(column, value);
        }
    }

    /** PostgreSQL's infinity and dates far beyond year 5 million have no place in Muara's date and timestamp types. */
    static MuaraException outOfRange(ColumnInfo column, Object value) {
        String shown = value instanceof LocalDate d && (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN))
            || value instanceof LocalDateTime t && (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN))
            || value instanceof OffsetDateTime o && (o.equals(OffsetDateTime.MAX) || o.equals(OffsetDateTime.MIN))
            ? "infinity" : value.toString();
        return MuaraException.data("column '" + column.name() + "' holds " + shown + ", outside the range Muara can carry")
            .withHint("convert it in a query, for example CASE WHEN isfinite(" + column.name() + ") THEN " + column.name()
                + " END, or read the table with a query that casts the column to text");
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** A Java value for binding a position key back into a query, from its text form. */
    Object bindValue(DataType type, String text) {
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.parseBoolean(text);
            case INT32 -> Integer.parseInt(text);
            case INT64 -> Long.parseLong(text);
            case FLOAT64 -> Double.parseDouble(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case TIME -> LocalTime.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
            case TIMESTAMP_TZ -> OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            default -> text;
        };
    }

    /** Skips the first {@code rows} rows of an ordered query. */
    String offset(long rows) {
        return "OFFSET " + rows;
    }

    /** A column as it is ordered and compared with positions: itself, unless the database stores it as text. */
    String compared(ColumnInfo column) {
        return quote(column.name());
    }

    /** A position parameter as it is compared with {@link #compared} columns. */
    String comparedParameter(ColumnInfo column) {
        return "?";
    }

    // --- writing ------------------------------------------------------------------------------------------------

    /** The column type to create for a Muara type; {@code key} columns may need a bounded type. */
    abstract String sqlType(DataType type, boolean key);

    /** What follows the column list of a CREATE TABLE: the storage settings a database needs to hold every value. */
    String tableOptions() {
        return "";
    }

    /** Why a column of {@code type} cannot keep everything about its values here, or null when it can. */
    String lossyTarget(DataType type) {
        return null;
    }

    /** Whether tables may live in schemas Muara creates (SQLite has none; MySQL's are databases). */
    boolean createsSchemas() {
        return true;
    }

    /** Whether schema changes (CREATE, ALTER, DROP, RENAME) take part in transactions. */
    boolean transactionalDdl() {
        return true;
    }

    /** SQL that widens a column, or null when the database needs none (SQLite stores any value). */
    String widenColumn(String table, String column, DataType type) {
        String using = type.kind() == TypeKind.JSON ? " USING to_jsonb(" + quote(column) + ")" : "";
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " TYPE " + sqlType(type, false) + using;
    }

    String addColumn(String table, String column, DataType type) {
        return "ALTER TABLE " + table + " ADD COLUMN " + quote(column) + " " + sqlType(type, false);
    }

    /** The table that holds pipeline states, qualified. */
    abstract String stateTable();

    /** Statements that create the state table (and its schema) when missing. */
    abstract List<String> createStateTable();

    /** An upsert of (pipeline, checkpoint, state) into the state table. */
    abstract String upsertState();

    /** Binds the value at {@code row} of {@code column} for a table column described by {@code target}. */
    void bind(PreparedStatement statement, int index, Column column, int row, ColumnInfo target) throws SQLException {
        switch (column.type().kind()) {
            case BOOLEAN -> statement.setBoolean(index, column.getBoolean(row));
            case INT32 -> statement.setInt(index, column.getInt(row));
            case INT64 -> statement.setLong(index, column.getLong(row));
            case FLOAT64 -> statement.setDouble(index, column.getDouble(row));
            case DECIMAL -> statement.setBigDecimal(index, column.getDecimal(row));
            case BINARY -> statement.setBytes(index, column.getBytes(row));
            case DATE -> statement.setObject(index, LocalDate.ofEpochDay(column.getInt(row)));
            case TIME -> statement.setObject(index, LocalTime.ofNanoOfDay(column.getLong(row) * 1000));
            case TIMESTAMP -> statement.setObject(index, localDateTime(column.getLong(row)));
            case TIMESTAMP_TZ -> statement.setObject(index, OffsetDateTime.ofInstant(instant(column.getLong(row)), ZoneOffset.UTC));
            default -> statement.setString(index, column.text(row));
        }
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    static LocalDateTime localDateTime(long micros) {
        return LocalDateTime.ofInstant(instant(micros), ZoneOffset.UTC);
    }

    /** Loads rows into a table: the bulk path of this database. */
    abstract RowLoader loader(Connection connection, TableShape shape) throws SQLException;

    /** Renames {@code from} to {@code to} within the same schema, replacing {@code to}. */
    List<String> swap(String schema, String from, String to) {
        return List.of("DROP TABLE IF EXISTS " + qualified(schema, to),
                "ALTER TABLE " + qualified(schema, from) + " RENAME TO " + quote(to));
    }

    // --- errors -------------------------------------------------------------------------------------------------

    /** Whether an error passes by itself: a dropped connection, a deadlock, a serialization failure. */
    boolean transientError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01"));
    }

    /** The error as a {@link MuaraException} with a clear message and, where one helps, a hint. */
    MuaraException failure(String what, SQLException e, ConnectionSettings where) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        MuaraException error = MuaraException.connection(what + ": " + message, e).at(where.describe());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (transientError(e)) {
            error.retriable();
        } else if (state.startsWith("28")) {
            error.withHint("check user and password; write the password as ${env:NAME} or ${file:/path}");
        } else if (state.equals("42P01") || state.equals("42S02")) {
            error.withHint("check the table name and the schema, and that the user may see it");
        } else if (state.equals("3D000") || state.equals("42000") && message.contains("Unknown database")) {
            error.withHint("check the database option");
        }
        return error;
    }
}
