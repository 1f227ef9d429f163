package dev.muara.connector.jdbc;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.StreamTarget;
import dev.muara.api.sink.WriteMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loading of one stream into one table, within the writer's open transaction: creates the table from the
 * first batch (with a primary key for merge), evolves it (ADD COLUMN, widening ALTER), and loads rows through the
 * database's bulk path: into the table (append, and merge where the database upserts as it inserts), a staging
 * table upserted at commit (PostgreSQL merge), or a replacement table swapped in at the last commit (replace).
 */
final class TableTarget {

    private static final Logger LOG = LoggerFactory.getLogger(TableTarget.class);

    private final Connection connection;
    private final Dialect dialect;
    private final StreamTarget target;
    private final TableRef table;
    private final TableRef load;
    private final boolean staged;
    private List<ColumnInfo> columns;
    private RowLoader loader;
    private boolean stagingExists;
    private long sequence;
    private Schema mappedSchema;
    private int[] mapping;

    TableTarget(Connection connection, Dialect dialect, StreamTarget target, String defaultSchema, boolean resuming)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.target = target;
        String name = target.table();
        int dot = name.indexOf('.');
        String schema = dot > 0 ? name.substring(0, dot) : defaultSchema;
        this.table = new TableRef(schema, dot > 0 ? name.substring(dot + 1) : name);
        this.staged = target.write() == WriteMode.MERGE && dialect instanceof PostgresDialect;
        if (schema != null && dialect.createsSchemas() && !schemaExists(schema)) {
            execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
        }
        Catalog catalog = new Catalog(dialect, connection);
        if (target.write() == WriteMode.REPLACE) {
            load = new TableRef(schema, table.name() + "__muara_replace");
            if (!resuming) {
                execute("DROP TABLE IF EXISTS " + load.qualified(dialect));
            }
        } else {
            load = table;
        }
        TableRef described = staged ? table : load;
        columns = catalog.exists(described) ? catalog.columns(described.qualified(dialect)) : null;
        if (columns != null && target.write() == WriteMode.MERGE) {
            checkMergeKey();
        }
    }

    private boolean schemaExists(String schema) throws SQLException {
        try (ResultSet schemas = connection.getMetaData().getSchemas(null, schema)) {
            while (schemas.next()) {
                if (schemas.getString("TABLE_SCHEM").equals(schema)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Merge upserts on the key: a table made elsewhere must have a primary key or unique index on exactly it. */
    private void checkMergeKey() throws SQLException {
        Set<String> key = new HashSet<>(target.primaryKey());
        Catalog catalog = new Catalog(dialect, connection);
        if (new HashSet<>(catalog.primaryKey(table)).equals(key) || catalog.uniqueIndexes(table).contains(key)) {
            return;
        }
        throw MuaraException.config("table " + tableName() + " has no primary key or unique index on ("
                + String.join(", ", target.primaryKey()) + "), which write: merge upserts on").at(tableName())
                .withHint("add one (ALTER TABLE ... ADD PRIMARY KEY), or load into a new table Muara creates");
    }

    String tableName() {
        return table.toString();
    }

    /** The columns rows land in now, or empty before the table exists. */
    Optional<Schema> schema() throws SQLException {
        List<ColumnInfo> current = columns;
        if (current == null && target.write() == WriteMode.REPLACE) {
            Catalog catalog = new Catalog(dialect, connection);
            current = catalog.exists(table) ? catalog.columns(table.qualified(dialect)) : null;
        }
        if (current == null) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        current.stream().filter(c -> !c.name().equals("_muara_seq")).forEach(c -> fields.add(new Field(c.name(), c.type())));
        return Optional.of(new Schema(fields));
    }

    void write(Batch batch) throws SQLException {
        if (columns == null) {
            create(batch.schema());
        } else if (batch.schema() != mappedSchema) {
            evolve(batch.schema());
        }
        if (staged && !stagingExists) {
            createStaging();
        }
        if (batch.schema() != mappedSchema) {
            map(batch.schema());
        }
        if (loader == null) {
            TableRef into = staged ? staging() : load;
            loader = dialect.loader(connection, new TableShape(into.qualified(dialect), columns, target.primaryKey(),
                    target.write() == WriteMode.MERGE && !staged, staged));
        }
        Column[] byTable = new Column[columns.size()];
        for (int c = 0; c < byTable.length; c++) {
            if (mapping[c] >= 0) {
                byTable[c] = batch.column(mapping[c]).widenTo(columns.get(c).type());
            }
        }
        loader.load(byTable, batch.rowCount(), sequence);
        sequence += batch.rowCount();
    }

    private void create(Schema first) throws SQLException {
        checkKey(first);
        List<String> definitions = new ArrayList<>();
        for (Field field : first.fields()) {
            warnIfLossy(field);
            boolean key = target.primaryKey().contains(field.name());
            definitions.add(dialect.quote(field.name()) + " " + dialect.sqlType(field.type(), key) + (key ? " NOT NULL" : ""));
        }
        if (target.write() == WriteMode.MERGE) {
            definitions.add("PRIMARY KEY (" + target.primaryKey().stream().map(dialect::quote).collect(Collectors.joining(", ")) + ")");
        }
        TableRef created = staged ? table : load;
        execute("CREATE TABLE " + created.qualified(dialect) + " (" + String.join(", ", definitions) + ")" + dialect.tableOptions());
        columns = new Catalog(dialect, connection).columns(created.qualified(dialect));
        LOG.info("created table {} with {} columns", created, first.size());
    }

    private void warnIfLossy(Field field) {
        String lossy = dialect.lossyTarget(field.type());
        if (lossy != null) {
            LOG.warn("{}.{} ({}): {}", tableName(), field.name(), field.type(), lossy);
        }
    }

    private void checkKey(Schema schema) {
        for (String key : target.primaryKey()) {
            boolean known = columns != null && columns.stream().anyMatch(c -> c.name().equals(key));
            if (schema.indexOf(key) < 0 && !known) {
                throw MuaraException.data("the primary key column " + key + " is not in the data of stream "
                        + target.stream() + "; its columns: " + String.join(", ", schema.names())).at(tableName())
                        .withHint("check primary_key against the source's column names");
            }
        }
    }

    /** Adds new columns and widens narrower ones, in the table (and the staging table, when there is one). */
    private void evolve(Schema incoming) throws SQLException {
        checkKey(incoming);
        boolean changed = false;
        for (Field field : incoming.fields()) {
            ColumnInfo current = columns.stream().filter(c -> c.name().equals(field.name())).findFirst().orElse(null);
            if (current == null) {
                warnIfLossy(field);
                endLoad();
                for (TableRef t : evolvedTables()) {
                    execute(dialect.addColumn(t.qualified(dialect), field.name(), field.type()));
                }
                LOG.info("added column {} {} to {}", field.name(), field.type(), tableName());
                changed = true;
            } else {
                DataType wider = DataType.widen(current.type(), field.type());
                if (!wider.equals(current.type())) {
                    String sql = null;
                    for (TableRef t : evolvedTables()) {
                        sql = dialect.widenColumn(t.qualified(dialect), field.name(), wider);
                        if (sql != null) {
                            endLoad();
                            execute(sql);
                        }
                    }
                    if (sql != null) {
                        LOG.info("widened column {} of {} from {} to {}", field.name(), tableName(), current.type(), wider);
                        changed = true;
                    } else {
                        // the database keeps any value in the column as it is (SQLite): only the type values take changes
                        columns = columns.stream().map(c -> c == current ? new ColumnInfo(c.name(), c.jdbcType(),
                                c.typeName(), c.precision(), c.scale(), wider, c.lossy()) : c).toList();
                        mappedSchema = null;
                    }
                }
            }
        }
        if (changed) {
            TableRef described = staged ? table : load;
            columns = new Catalog(dialect, connection).columns(described.qualified(dialect));
            loader = null;
        }
    }

    private List<TableRef> evolvedTables() {
        List<TableRef> tables = new ArrayList<>();
        tables.add(staged ? table : load);
        if (staged && stagingExists) {
            tables.add(staging());
        }
        return tables;
    }

    private TableRef staging() {
        return new TableRef(null, "muara_stage_" + Integer.toHexString(table.toString().hashCode()));
    }

    private void createStaging() throws SQLException {
        execute("CREATE TEMP TABLE " + staging().qualified(dialect) + " (LIKE " + table.qualified(dialect)
                + " INCLUDING DEFAULTS, \"_muara_seq\" bigint) ON COMMIT DROP");
        stagingExists = true;
        loader = null;
    }

    /** For each table column, the index of the batch column that fills it, or -1 for null. */
    private void map(Schema batchSchema) {
        mapping = new int[columns.size()];
        for (int c = 0; c < mapping.length; c++) {
            mapping[c] = batchSchema.indexOf(columns.get(c).name());
        }
        mappedSchema = batchSchema;
    }

    /** Ends a load in progress, so the connection can run other statements; its rows stay in the transaction. */
    void endLoad() throws SQLException {
        if (loader != null) {
            loader.finish();
            loader = null;
        }
    }

    /** Makes the loaded rows part of the transaction; merges the staged rows; swaps a replacement in at the end. */
    void flush(boolean last) throws SQLException {
        endLoad();
        if (staged && stagingExists) {
            List<String> names = columns.stream().map(ColumnInfo::name).toList();
            execute(((PostgresDialect) dialect).mergeFromStaging(table.qualified(dialect), staging().qualified(dialect),
                    names, target.primaryKey()));
            execute("DROP TABLE " + staging().qualified(dialect));
            stagingExists = false;
        }
        if (target.write() == WriteMode.REPLACE && last && dialect.transactionalDdl()) {
            swap();
        }
    }

    /** Swaps the replacement in; for databases whose DDL commits by itself, after the state is committed. */
    void swap() throws SQLException {
        if (target.write() != WriteMode.REPLACE) {
            return;
        }
        if (columns == null) {
            // nothing arrived for this table: the table keeps its columns and loses its rows
            if (new Catalog(dialect, connection).exists(table)) {
                execute("DELETE FROM " + table.qualified(dialect));
            }
            return;
        }
        for (String sql : dialect.swap(table.schema(), load.name(), table.name())) {
            execute(sql);
        }
        LOG.info("replaced {}", tableName());
    }

    /** Forgets what this transaction did, before a rollback. */
    void discard() {
        if (loader != null) {
            loader.abort();
        }
        loader = null;
        stagingExists = false;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
