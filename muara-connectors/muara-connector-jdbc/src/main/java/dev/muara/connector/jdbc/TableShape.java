package dev.muara.connector.jdbc;

import java.util.List;

/**
 * The table rows are loaded into, as a loader needs it.
 *
 * @param qualified the quoted, qualified table name
 * @param columns its columns in table order, with the database's own type names
 * @param key the key columns, for upserts
 * @param upsert whether rows replace those with the same key (MySQL, SQLite merge straight into the table)
 * @param sequence whether the table has the staging sequence column, filled with each row's arrival order
 */
record TableShape(String qualified, List<ColumnInfo> columns, List<String> key, boolean upsert, boolean sequence) {
}
