package dev.muara.connector.duckdb;

import static dev.muara.connector.duckdb.DuckDbTypes.quote;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loading of one stream into one table, within the writer's open transaction: creates the table from the
 * first batch's schema, evolves it (new column: ADD COLUMN; wider type: ALTER COLUMN ... TYPE), and appends rows
 * with the Appender into the table itself (append), a staging table (merge) or a replacement table (replace).
 */
final class TableLoad {

    private static final Logger LOG = LoggerFactory.getLogger(TableLoad.class);
    private static final String SEQUENCE = "_muara_seq";

    private final DuckDBConnection connection;
    private final StreamTarget target;
    private final String schema;
    private final String table;
    private final String loadTable;
    private final String loadSchema;
    /** The columns of the table rows are appended to, in table order (without the merge sequence column). */
    private final Map<String, DataType> columns = new LinkedHashMap<>();
    private boolean tableExists;
    private boolean stagingExists;
    private DuckDBAppender appender;
    private long sequence;
    private Schema mappedSchema;
    private int[] mapping;

    TableLoad(DuckDBConnection connection, StreamTarget target, String defaultSchema, boolean resuming) throws SQLException {
        this.connection = connection;
        this.target = target;
        String name = target.table();
        int dot = name.indexOf('.');
        this.schema = dot > 0 ? name.substring(0, dot) : defaultSchema;
        this.table = dot > 0 ? name.substring(dot + 1) : name;
        execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        switch (target.write()) {
            case APPEND -> {
                loadSchema = schema;
                loadTable = table;
            }
            case REPLACE -> {
                loadSchema = schema;
                loadTable = table + "__muara_replace";
                if (!resuming) {
                    execute("DROP TABLE IF EXISTS " + qualified(loadSchema, loadTable));
                }
            }
            default -> {
                loadSchema = DuckDbSink.STATE_SCHEMA;
                loadTable = "stage_" + table.replaceAll("[^A-Za-z0-9_]", "_") + "_" + Integer.toHexString(table.hashCode());
            }
        }
        Map<String, DataType> existing = describe(target.write() == WriteMode.MERGE ? schema : loadSchema,
                target.write() == WriteMode.MERGE ? table : loadTable);
        if (existing != null) {
            columns.putAll(existing);
            tableExists = true;
        }
    }

    /** The columns rows land in now, or empty before the table exists. */
    Optional<Schema> schema() throws SQLException {
        Map<String, DataType> current = columns;
        if (current.isEmpty() && target.write() == WriteMode.REPLACE) {
            current = describe(schema, table);
        }
        if (current == null || current.isEmpty()) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        current.forEach((name, type) -> fields.add(new Field(name, type == null ? DataType.STRING : type)));
        return Optional.of(new Schema(fields));
    }

    String tableName() {
        return schema + "." + table;
    }

    /** The columns and types of a table, or null when it does not exist. */
    private Map<String, DataType> describe(String tableSchema, String tableName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name, data_type FROM "
                + "information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, tableSchema);
            query.setString(2, tableName);
            Map<String, DataType> found = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!rows.getString(1).equals(SEQUENCE)) {
                        found.put(rows.getString(1), DuckDbTypes.fromSql(rows.getString(2)));
                    }
                }
            }
            return found.isEmpty() ? null : found;
        }
    }

    void write(Batch batch) throws SQLException {
        if (!tableExists) {
            create(batch.schema());
        } else if (batch.schema() != mappedSchema) {
            evolve(batch.schema());
        }
        if (target.write() == WriteMode.MERGE && !stagingExists) {
            createStaging();
        }
        if (batch.schema() != mappedSchema) {
            map(batch.schema());
        }
        if (appender == null) {
            appender = connection.createAppender(loadSchema, loadTable);
        }
        append(batch);
    }

    private void create(Schema first) throws SQLException {
        checkKey(first);
        String definition = first.fields().stream().map(f -> quote(f.name()) + " " + DuckDbTypes.sql(f.type()))
                .collect(Collectors.joining(", "));
        String created = target.write() == WriteMode.MERGE ? qualified(schema, table) : qualified(loadSchema, loadTable);
        execute("CREATE TABLE " + created + " (" + definition + ")");
        for (Field field : first.fields()) {
            columns.put(field.name(), field.type());
        }
        tableExists = true;
        LOG.info("created table {} with {} columns", created, first.size());
    }

    private void checkKey(Schema schema) {
        for (String key : target.primaryKey()) {
            if (schema.indexOf(key) < 0 && !columns.containsKey(key)) {
                throw MuaraException.data("the primary key column " + key + " is not in the data of stream "
                        + target.stream() + "; its columns: " + String.join(", ", schema.names()))
                        .at(tableName())
                        .withHint("check target primary_key against the source's column names");
            }
        }
    }

    /** Adds new columns and widens narrower ones, in the target and (for merge) the staging table. */
    private void evolve(Schema incoming) throws SQLException {
        checkKey(incoming);
        for (Field field : incoming.fields()) {
            DataType current = columns.get(field.name());
            if (current == null) {
                closeAppender();
                for (String t : evolvedTables()) {
                    execute("ALTER TABLE " + t + " ADD COLUMN " + quote(field.name()) + " " + DuckDbTypes.sql(field.type()));
                }
                columns.put(field.name(), field.type());
                LOG.info("added column {} {} to {}", field.name(), field.type(), tableName());
            } else {
                DataType wider = DataType.widen(current, field.type());
                if (!wider.equals(current)) {
                    closeAppender();
                    String using = wider.kind() == TypeKind.JSON ? " USING to_json(" + quote(field.name()) + ")" : "";
                    for (String t : evolvedTables()) {
                        execute("ALTER TABLE " + t + " ALTER COLUMN " + quote(field.name()) + " TYPE "
                                + DuckDbTypes.sql(wider) + using);
                    }
                    columns.put(field.name(), wider);
                    LOG.info("widened column {} of {} from {} to {}", field.name(), tableName(), current, wider);
                }
            }
        }
    }

    private List<String> evolvedTables() {
        List<String> tables = new ArrayList<>();
        if (target.write() == WriteMode.MERGE) {
            tables.add(qualified(schema, table));
            if (stagingExists) {
                tables.add(qualified(loadSchema, loadTable));
            }
        } else {
            tables.add(qualified(loadSchema, loadTable));
        }
        return tables;
    }

    private void createStaging() throws SQLException {
        execute("CREATE TABLE " + qualified(loadSchema, loadTable) + " AS SELECT * FROM " + qualified(schema, table) + " LIMIT 0");
        execute("ALTER TABLE " + qualified(loadSchema, loadTable) + " ADD COLUMN " + SEQUENCE + " BIGINT");
        stagingExists = true;
    }

    /** For each table column, the index of the batch column that fills it, or -1 for null. */
    private void map(Schema batchSchema) {
        mapping = new int[columns.size()];
        int i = 0;
        for (String name : columns.keySet()) {
            mapping[i++] = batchSchema.indexOf(name);
        }
        mappedSchema = batchSchema;
    }

    private void append(Batch batch) throws SQLException {
        List<DataType> types = new ArrayList<>(columns.values());
        Column[] source = new Column[mapping.length];
        for (int c = 0; c < mapping.length; c++) {
            if (mapping[c] >= 0 && types.get(c) != null) {
                source[c] = batch.column(mapping[c]).widenTo(types.get(c));
            }
        }
        boolean merge = target.write() == WriteMode.MERGE;
        for (int row = 0; row < batch.rowCount(); row++) {
            appender.beginRow();
            for (int c = 0; c < source.length; c++) {
                Column column = source[c];
                if (column == null || column.isNull(row)) {
                    appender.appendNull();
                } else {
                    appendValue(column, row);
                }
            }
            if (merge) {
                appender.append(sequence++);
            }
            appender.endRow();
        }
    }

    private void appendValue(Column column, int row) throws SQLException {
        switch (column.type().kind()) {
            case BOOLEAN -> appender.append(column.getBoolean(row));
            case INT32 -> appender.append(column.getInt(row));
            case INT64 -> appender.append(column.getLong(row));
            case FLOAT64 -> appender.append(column.getDouble(row));
            case DECIMAL -> appender.append(column.getDecimal(row));
            case STRING, JSON -> appender.append(column.getString(row));
            case BINARY -> appender.append(column.getBytes(row));
            case DATE -> appender.appendEpochDays(column.getInt(row));
            case TIME -> appender.appendDayMicros(column.getLong(row));
            case TIMESTAMP, TIMESTAMP_TZ -> appender.appendEpochMicros(column.getLong(row));
        }
    }

    /** Makes the appended rows part of the transaction; merges the staged rows; swaps a replacement in at the end. */
    void flush(boolean last) throws SQLException {
        closeAppender();
        if (target.write() == WriteMode.MERGE && stagingExists) {
            merge();
            execute("DROP TABLE " + qualified(loadSchema, loadTable));
            stagingExists = false;
        }
        if (target.write() == WriteMode.REPLACE && last) {
            execute("DROP TABLE IF EXISTS " + qualified(schema, table));
            execute("ALTER TABLE " + qualified(loadSchema, loadTable) + " RENAME TO " + quote(table));
            LOG.info("replaced {}", tableName());
        }
    }

    private void merge() throws SQLException {
        List<String> keys = target.primaryKey();
        String partition = keys.stream().map(DuckDbTypes::quote).collect(Collectors.joining(", "));
        String on = keys.stream().map(k -> "t." + quote(k) + " = s." + quote(k)).collect(Collectors.joining(" AND "));
        List<String> names = new ArrayList<>(columns.keySet());
        String set = names.stream().filter(n -> !keys.contains(n)).map(n -> quote(n) + " = s." + quote(n))
                .collect(Collectors.joining(", "));
        String insertColumns = names.stream().map(DuckDbTypes::quote).collect(Collectors.joining(", "));
        String insertValues = names.stream().map(n -> "s." + quote(n)).collect(Collectors.joining(", "));
        String latest = "SELECT * EXCLUDE (" + SEQUENCE + ") FROM " + qualified(loadSchema, loadTable)
                + " QUALIFY row_number() OVER (PARTITION BY " + partition + " ORDER BY " + SEQUENCE + " DESC) = 1";
        execute("MERGE INTO " + qualified(schema, table) + " AS t USING (" + latest + ") AS s ON " + on
                + (set.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + set)
                + " WHEN NOT MATCHED THEN INSERT (" + insertColumns + ") VALUES (" + insertValues + ")");
    }

    /** At the last commit of a replace that received no rows: the table is emptied, its columns kept. */
    static void emptyReplace(DuckDBConnection connection, StreamTarget target, String defaultSchema) throws SQLException {
        String name = target.table();
        int dot = name.indexOf('.');
        String schema = dot > 0 ? name.substring(0, dot) : defaultSchema;
        String table = dot > 0 ? name.substring(dot + 1) : name;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + qualified(schema, table));
        }
    }

    /** Drops the appender without failing, before a rollback. */
    void discard() {
        try {
            closeAppender();
        } catch (SQLException e) {
            LOG.debug("closing an appender before rollback failed", e);
        }
    }

    private void closeAppender() throws SQLException {
        if (appender != null) {
            DuckDBAppender open = appender;
            appender = null;
            open.close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
