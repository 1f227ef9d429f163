package dev.muara.connector.jdbc;

/**
 * A table in a database.
 *
 * @param schema its schema (for MySQL: its database), or null where the database has none
 * @param name its name
 */
record TableRef(String schema, String name) {

    String qualified(Dialect dialect) {
        return dialect.qualified(schema, name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
