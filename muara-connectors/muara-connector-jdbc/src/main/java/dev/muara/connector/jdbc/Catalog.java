package dev.muara.connector.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What a database holds: tables matching patterns, their columns and primary keys. */
final class Catalog {

    private final Dialect dialect;
    private final Connection connection;

    Catalog(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
    }

    /**
     * The tables and views matching {@code pattern}: {@code name}, {@code schema.name}, with {@code *} and {@code ?}
     * wildcards in either part; a pattern without a schema looks in {@code defaultSchema}.
     */
    List<TableRef> match(String pattern, String defaultSchema) throws SQLException {
        int dot = pattern.indexOf('.');
        String schemaPattern = dot < 0 ? defaultSchema : pattern.substring(0, dot);
        String namePattern = dot < 0 ? pattern : pattern.substring(dot + 1);
        Pattern schemaRegex = glob(schemaPattern);
        Pattern nameRegex = glob(namePattern);
        TreeMap<String, TableRef> found = new TreeMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        boolean schemaWildcard = schemaPattern != null && (schemaPattern.contains("*") || schemaPattern.contains("?"));
        String catalog = schemaWildcard ? null : dialect.metadataCatalog(connection, schemaPattern);
        String schemaArg = schemaWildcard ? null : dialect.metadataSchema(schemaPattern);
        try (ResultSet tables = meta.getTables(catalog, schemaArg, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
            while (tables.next()) {
                String schema = schemaOf(tables);
                String name = tables.getString("TABLE_NAME");
                if (name.startsWith("_muara") || schema != null && schema.startsWith("_muara")) {
                    continue;
                }
                boolean schemaMatches = schemaPattern == null || schema == null || schemaRegex.matcher(schema).matches();
                if (schemaMatches && nameRegex.matcher(name).matches()) {
                    TableRef ref = new TableRef(schema, name);
                    found.put(ref.toString(), ref);
                }
            }
        }
        if (!isPattern(namePattern) && found.size() > 1) {
            // a plain name means that table: prefer the one spelt exactly so over others differing in case
            List<TableRef> exact = found.values().stream().filter(t -> t.name().equals(namePattern)).toList();
            if (!exact.isEmpty()) {
                return exact;
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The schema of a row of {@code getTables}: TABLE_SCHEM, or TABLE_CAT where schemas are catalogs (MySQL). */
    private String schemaOf(ResultSet tables) throws SQLException {
        String schema = tables.getString("TABLE_SCHEM");
        return schema != null ? schema : dialect.catalogIsSchema() ? tables.getString("TABLE_CAT") : null;
    }

    /** Whether {@code table} exists. */
    boolean exists(TableRef table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = dialect.metadataCatalog(connection, table.schema());
        try (ResultSet tables = meta.getTables(catalog, dialect.metadataSchema(table.schema()), null, null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equals(table.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The columns of a table or of a query's result, as the driver describes them. */
    List<ColumnInfo> columns(String fromClause) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + fromClause + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<ColumnInfo> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(dialect.column(meta.getColumnLabel(i), meta.getColumnType(i), meta.getColumnTypeName(i),
                        meta.getPrecision(i), meta.getScale(i)));
            }
            return columns;
        }
    }

    /** The primary key columns of a table, in key order; empty when it has none. */
    List<String> primaryKey(TableRef table) throws SQLException {
        TreeMap<Integer, String> key = new TreeMap<>();
        String catalog = dialect.metadataCatalog(connection, table.schema());
        try (ResultSet keys = connection.getMetaData().getPrimaryKeys(catalog, dialect.metadataSchema(table.schema()), table.name())) {
            while (keys.next()) {
                key.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
            }
        } catch (SQLException e) {
            // some drivers cannot tell for views; a table without a known key is read without resuming mid-table
            return List.of();
        }
        return new ArrayList<>(key.values());
    }

    /** The column sets of the table's unique indexes. */
    List<Set<String>> uniqueIndexes(TableRef table) throws SQLException {
        Map<String, Set<String>> indexes = new HashMap<>();
        String catalog = dialect.metadataCatalog(connection, table.schema());
        try (ResultSet rows = connection.getMetaData().getIndexInfo(catalog, dialect.metadataSchema(table.schema()),
                table.name(), true, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    indexes.computeIfAbsent(index, i -> new HashSet<>()).add(column);
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return new ArrayList<>(indexes.values());
    }

    static Pattern glob(String pattern) {
        if (pattern == null) {
            return Pattern.compile(".*");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    static boolean isPattern(String text) {
        return text.contains("*") || text.contains("?");
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
