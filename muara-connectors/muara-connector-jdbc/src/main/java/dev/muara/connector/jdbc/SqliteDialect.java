package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite: a file, no schemas, values typed per value rather than per column. Muara reads a column by its declared
 * type and writes dates and timestamps as ISO-8601 text, decimals as exact text (a declared type containing TEXT
 * keeps SQLite from turning them into floating point), booleans as 0 and 1.
 */
final class SqliteDialect extends Dialect {

    private static final Pattern PRECISION = Pattern.compile(".*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\).*");

    @Override
    String type() {
        return "sqlite";
    }

    @Override
    String url(ConnectionSettings settings) {
        return "jdbc:sqlite:" + settings.database();
    }

    @Override
    Properties properties(ConnectionSettings settings) {
        Properties properties = super.properties(settings);
        properties.setProperty("busy_timeout", Long.toString(settings.connectTimeout().toMillis()));
        return properties;
    }

    @Override
    String offset(long rows) {
        return "LIMIT -1 OFFSET " + rows;
    }

    /**
     * SQLite keeps dates and decimals as text or numbers in varying forms ({@code 2024-01-31 10:00:00},
     * {@code 2024-01-31T10:00}, {@code 1.5}, {@code '1.50'}); they order and compare as julian days and reals,
     * which every form agrees on (to some ten microseconds for timestamps).
     */
    @Override
    String compared(ColumnInfo column) {
        return switch (column.type().kind()) {
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> "julianday(" + quote(column.name()) + ")";
            case DECIMAL, FLOAT64 -> "CAST(" + quote(column.name()) + " AS REAL)";
            default -> quote(column.name());
        };
    }

    @Override
    String comparedParameter(ColumnInfo column) {
        return switch (column.type().kind()) {
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> "julianday(?)";
            case DECIMAL, FLOAT64 -> "CAST(? AS REAL)";
            default -> "?";
        };
    }

    @Override
    String defaultSchema(Connection connection) {
        return null;
    }

    @Override
    boolean createsSchemas() {
        return false;
    }

    @Override
    ColumnInfo column(String name, int jdbcType, String typeName, int precision, int scale) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        DataType type;
        String lossy = null;
        if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
            Matcher m = PRECISION.matcher(t);
            if (m.matches() || precision > 0) {
                int p = Math.min(m.matches() ? Integer.parseInt(m.group(1)) : precision, DataType.MAX_DECIMAL_PRECISION);
                int s = Math.min(m.matches() ? m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) : scale, p);
                type = DataType.decimal(Math.max(p, 1), s);
            } else {
                type = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 10);
                lossy = "a numeric of unbounded precision is read as decimal(38,10): values with more digits are rounded";
            }
        } else if (t.contains("BOOL")) {
            type = DataType.BOOLEAN;
        } else if (t.contains("INT") && !t.contains("INTERVAL")) {
            type = DataType.INT64;
        } else if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            type = DataType.FLOAT64;
        } else if (t.contains("TIMESTAMPTZ") || t.contains("TIMESTAMP WITH TIME ZONE")) {
            type = DataType.TIMESTAMP_TZ;
        } else if (t.contains("DATETIME") || t.contains("TIMESTAMP")) {
            type = DataType.TIMESTAMP;
        } else if (t.equals("DATE")) {
            type = DataType.DATE;
        } else if (t.equals("TIME")) {
            type = DataType.TIME;
        } else if (t.contains("JSON")) {
            type = DataType.JSON;
        } else if (t.contains("BLOB") || t.isEmpty() && jdbcType == Types.BLOB) {
            type = DataType.BINARY;
        } else {
            type = DataType.STRING;
        }
        return new ColumnInfo(name, jdbcType, typeName, precision, scale, type, lossy);
    }

    @Override
    void read(ResultSet rows, int index, ColumnInfo column, Column into) throws SQLException {
        TypeKind kind = column.type().kind();
        switch (kind) {
            case STRING, JSON -> super.read(rows, index, column, into);
            case INT32, INT64, FLOAT64 -> {
                // SQLite hands out any value for any column; the driver would turn 'abc' into 0 and 3.7 into 3
                Object v = rows.getObject(index);
                if (v == null) {
                    into.appendNull();
                } else if (!appendNumber(kind, v, into)) {
                    throw misfit(column, v);
                }
            }
            case BINARY -> {
                Object v = rows.getObject(index);
                into.appendObject(v == null ? null : v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                String text = rows.getString(index);
                if (text == null) {
                    into.appendNull();
                    return;
                }
                try {
                    appendParsed(kind, column, text, into);
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw misfit(column, text);
                }
            }
        }
    }

    private static boolean appendNumber(TypeKind kind, Object value, Column into) {
        if (kind == TypeKind.FLOAT64) {
            if (value instanceof Number n) {
                into.appendDouble(n.doubleValue());
                return true;
            }
            try {
                into.appendDouble(Double.parseDouble(value.toString().trim()));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        long v;
        if (value instanceof Integer || value instanceof Long) {
            v = ((Number) value).longValue();
        } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            v = d.longValue();
        } else {
            try {
                v = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (kind == TypeKind.INT32) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                return false;
            }
            into.appendInt((int) v);
        } else {
            into.appendLong(v);
        }
        return true;
    }

    private static MuaraException misfit(ColumnInfo column, Object value) {
        return MuaraException.data("column " + column.name() + " holds '" + value + "', which is not a " + column.type())
                .withHint("SQLite keeps any value in any column; fix the value, or declare the column TEXT");
    }

    private static void appendParsed(TypeKind kind, ColumnInfo column, String text, Column into) {
        switch (kind) {
            case BOOLEAN -> {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (!t.equals("1") && !t.equals("0") && !t.equals("true") && !t.equals("false")) {
                    throw misfit(column, text);
                }
                into.appendBoolean(t.equals("1") || t.equals("true"));
            }
            case DECIMAL -> into.appendObject(new BigDecimal(text.trim()).setScale(column.type().scale(), RoundingMode.HALF_EVEN));
            case DATE -> into.appendInt((int) LocalDate.parse(text).toEpochDay());
            case TIME -> into.appendLong(LocalTime.parse(text).toNanoOfDay() / 1000);
            case TIMESTAMP -> into.appendLong(micros(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC)));
            case TIMESTAMP_TZ -> into.appendLong(micros(text.endsWith("Z") ? Instant.parse(text)
                    : OffsetDateTime.parse(text.replace(' ', 'T')).toInstant()));
            default -> into.appendObject(text);
        }
    }

    @Override
    void bind(PreparedStatement statement, int index, Column column, int row, ColumnInfo target) throws SQLException {
        switch (column.type().kind()) {
            case BOOLEAN -> statement.setInt(index, column.getBoolean(row) ? 1 : 0);
            case DECIMAL -> statement.setString(index, column.getDecimal(row).toPlainString());
            case DATE, TIME -> statement.setString(index, column.text(row));
            case TIMESTAMP -> statement.setString(index, localDateTime(column.getLong(row)).toString());
            case TIMESTAMP_TZ -> statement.setString(index, instant(column.getLong(row)).toString());
            default -> super.bind(statement, index, column, row, target);
        }
    }

    @Override
    Object bindValue(DataType type, String text) {
        return switch (type.kind()) {
            case DATE, TIME, DECIMAL -> text;
            case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T')).toString();
            case TIMESTAMP_TZ -> Instant.parse(text).toString();
            case BOOLEAN -> Boolean.parseBoolean(text) ? 1 : 0;
            default -> super.bindValue(type, text);
        };
    }

    @Override
    String sqlType(DataType type, boolean key) {
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT64 -> "REAL";
            case DECIMAL -> "DECIMAL_TEXT(" + type.precision() + "," + type.scale() + ")";
            case STRING -> "TEXT";
            case BINARY -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "DATETIME";
            case TIMESTAMP_TZ -> "TIMESTAMPTZ";
            case JSON -> "JSON";
        };
    }

    @Override
    String widenColumn(String table, String column, DataType type) {
        // SQLite keeps any value in any column; a declared type never needs to change for a value to fit
        return null;
    }

    @Override
    String stateTable() {
        return "\"_muara_pipeline_state\"";
    }

    @Override
    List<String> createStateTable() {
        return List.of("CREATE TABLE IF NOT EXISTS " + stateTable() + " (pipeline TEXT PRIMARY KEY, checkpoint INTEGER NOT NULL, "
                + "state TEXT NOT NULL, updated_at TEXT NOT NULL)");
    }

    @Override
    String upsertState() {
        return "INSERT INTO " + stateTable() + " (pipeline, checkpoint, state, updated_at) "
                + "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (pipeline) DO UPDATE SET "
                + "checkpoint = excluded.checkpoint, state = excluded.state, updated_at = excluded.updated_at";
    }

    @Override
    RowLoader loader(Connection connection, TableShape shape) throws SQLException {
        List<String> updates = shape.columns().stream().map(ColumnInfo::name).filter(c -> !shape.key().contains(c))
                .map(c -> quote(c) + " = excluded." + quote(c)).toList();
        String keys = String.join(", ", shape.key().stream().map(this::quote).toList());
        String upsert = shape.key().isEmpty() ? null : "ON CONFLICT (" + keys + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", updates));
        return new BatchInsertLoader(connection, this, shape, upsert);
    }

    @Override
    boolean transientError(SQLException e) {
        // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the file for a moment
        return e.getErrorCode() == 5 || e.getErrorCode() == 6 || super.transientError(e);
    }
}
