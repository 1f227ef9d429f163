package dev.muara.connector.duckdb;

import dev.muara.api.data.DataType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Muara types to DuckDB types and back. */
final class DuckDbTypes {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private DuckDbTypes() {
    }

    static String sql(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT64 -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case STRING -> "VARCHAR";
            case BINARY -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMPTZ";
            case JSON -> "JSON";
        };
    }

    /**
     * The Muara type of a DuckDB column type, as {@code information_schema} spells it; null for types Muara
     * does not carry (lists, structs, maps), whose columns only ever receive nulls from Muara.
     */
    static DataType fromSql(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT).trim();
        Matcher decimal = DECIMAL.matcher(t);
        if (decimal.matches()) {
            return DataType.decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (t) {
            case "BOOLEAN" -> DataType.BOOLEAN;
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> DataType.INT32;
            case "BIGINT", "UINTEGER" -> DataType.INT64;
            case "UBIGINT", "HUGEINT", "UHUGEINT" -> DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0);
            case "DOUBLE", "FLOAT", "REAL" -> DataType.FLOAT64;
            case "VARCHAR", "UUID" -> DataType.STRING;
            case "BLOB" -> DataType.BINARY;
            case "DATE" -> DataType.DATE;
            case "TIME" -> DataType.TIME;
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> DataType.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> DataType.TIMESTAMP_TZ;
            case "JSON" -> DataType.JSON;
            default -> null;
        };
    }

    /** A quoted identifier: any text is a valid name, and none can break out of the quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
