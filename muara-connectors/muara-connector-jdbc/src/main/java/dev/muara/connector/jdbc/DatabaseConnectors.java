package dev.muara.connector.jdbc;

import dev.muara.api.option.OptionSpec;
import java.util.List;

/** The connectors of this module, one source and one target per database. */
public final class DatabaseConnectors {

    private DatabaseConnectors() {
    }

    /** The options that say where a database is and how to log in. */
    static List<OptionSpec<?>> connection(Dialect dialect, boolean file) {
        if (file) {
            return List.of(JdbcOptions.PATH);
        }
        return List.of(JdbcOptions.HOST, dialect.portOption(), JdbcOptions.DATABASE, JdbcOptions.USER, JdbcOptions.PASSWORD,
                dialect.sslModeOption(), JdbcOptions.SSL_ROOT_CERT, JdbcOptions.PROPERTIES, JdbcOptions.POOL_SIZE,
                JdbcOptions.CONNECT_TIMEOUT);
    }

    /** {@code postgres} source. */
    public static final class PostgresSource extends DatabaseSourceConnector {
        public PostgresSource() {
            super("postgres", "PostgreSQL tables or a query: full or incremental (cursor) loads, parallel key-range splits, streamed with binary COPY.",
                    new PostgresDialect(), false);
        }
    }

    /** {@code postgres} target. */
    public static final class PostgresTarget extends DatabaseSinkConnector {
        public PostgresTarget() {
            super("postgres", "PostgreSQL tables, loaded with binary COPY, merged through a staging table and INSERT ... ON CONFLICT, "
                    + "with the pipeline state in the same transaction.",
                    new PostgresDialect(), false);
        }
    }

    /** {@code mysql} source (MySQL and MariaDB). */
    public static final class MySqlSource extends DatabaseSourceConnector {
        public MySqlSource() {
            super("mysql", "MySQL or MariaDB tables or a query: full or incremental (cursor) loads, parallel key-range splits, streamed.",
                    new MySqlDialect(), false);
        }
    }

    /** {@code mysql} target (MySQL and MariaDB). */
    public static final class MySqlTarget extends DatabaseSinkConnector {
        public MySqlTarget() {
            super("mysql", "MySQL or MariaDB tables, loaded with batched inserts in the driver's bulk protocol, merged with "
                    + "ON DUPLICATE KEY UPDATE, with the pipeline state in the same transaction.",
                    new MySqlDialect(), false);
        }
    }

    /** {@code sqlite} source. */
    public static final class SqliteSource extends DatabaseSourceConnector {
        public SqliteSource() {
            super("sqlite", "SQLite tables or a query, read by declared column types: full or incremental (cursor) loads.",
                    new SqliteDialect(), true);
        }
    }

    /** {@code sqlite} target. */
    public static final class SqliteTarget extends DatabaseSinkConnector {
        public SqliteTarget() {
            super("sqlite", "An SQLite file: prepared batches inside one transaction, upserts with ON CONFLICT, with the pipeline state.",
                    new SqliteDialect(), true);
        }
    }

    /** {@code duckdb} source. */
    public static final class DuckDbSource extends DatabaseSourceConnector {
        public DuckDbSource() {
            super("duckdb", "DuckDB tables or a query, opened read-only: full or incremental (cursor) loads, parallel key-range splits.",
                    new DuckDbDialect(), true);
        }
    }
}
