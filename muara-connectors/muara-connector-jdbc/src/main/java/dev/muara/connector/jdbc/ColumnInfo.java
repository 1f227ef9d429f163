package dev.muara.connector.jdbc;

import dev.muara.api.data.DataType;

/**
 * A column as the database describes it, with the Muara type it is read as.
 *
 * @param name the column name
 * @param jdbcType the {@link java.sql.Types} code
 * @param typeName the database's own type name ({@code int4}, {@code INT UNSIGNED}, {@code TIMESTAMP WITH TIME ZONE})
 * @param precision the declared precision or length
 * @param scale the declared scale
 * @param type the Muara type values are read as
 * @param lossy why reading this column may change values (a rounded numeric), or null when it cannot
 */
record ColumnInfo(String name, int jdbcType, String typeName, int precision, int scale, DataType type, String lossy) {
}
