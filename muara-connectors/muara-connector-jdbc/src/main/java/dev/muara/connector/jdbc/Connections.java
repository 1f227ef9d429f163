package dev.muara.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;

/** Where connections come from: a HikariCP pool, or for DuckDB one database instance shared by duplicates. */
interface Connections extends AutoCloseable {

    Connection get() throws SQLException;

    @Override
    void close();

    /**
     * A pool of connections to a server or file database. The pool opens its first connection at once, so a
     * wrong address, database or password fails with the driver's own message instead of a pool timeout.
     */
    static Connections pooled(Dialect dialect, ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.url(settings));
        Properties properties = dialect.properties(settings);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(1);
        config.setPoolName("muara-" + dialect.type());
        config.setAutoCommit(true);
        String init = dialect.connectionInit();
        if (init != null) {
            config.setConnectionInitSql(init);
        }
        return new Connections() {
            private volatile HikariDataSource pool;

            private synchronized HikariDataSource pool() throws SQLException {
                if (pool == null) {
                    try {
                        pool = new HikariDataSource(config);
                    } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
                        throw driverCause(e);
                    }
                }
                return pool;
            }

            @Override
            public Connection get() throws SQLException {
                HikariDataSource source = pool();
                while (true) {
                    try {
                        return source.getConnection();
                    } catch (SQLTransientConnectionException e) {
                        // every connection is lent to a reader reading a whole split: wait for one, however long
                        if (!(e.getCause() instanceof SQLException) && source.getHikariPoolMXBean() != null
                                && source.getHikariPoolMXBean().getActiveConnections() >= settings.poolSize()) {
                            continue;
                        }
                        throw e.getCause() instanceof SQLException cause ? cause : e;
                    }
                }
            }

            @Override
            public synchronized void close() {
                if (pool != null) {
                    pool.close();
                    pool = null;
                }
            }
        };
    }

    /** The driver's own exception inside a pool's, so its SQL state and message reach the user. */
    private static SQLException driverCause(RuntimeException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        return cause instanceof SQLException sql ? sql : new SQLException(e.getMessage(), "08001", e);
    }

    /** DuckDB: one database instance per file in a process; every caller gets a duplicate connection to it. */
    static Connections duckdb(Dialect dialect, ConnectionSettings settings) {
        return new Connections() {
            private org.duckdb.DuckDBConnection root;

            @Override
            public synchronized Connection get() throws SQLException {
                if (root == null) {
                    Properties properties = dialect.properties(settings);
                    root = (org.duckdb.DuckDBConnection) DriverManager.getConnection(dialect.url(settings), properties);
                }
                return root.duplicate();
            }

            @Override
            public synchronized void close() {
                if (root != null) {
                    try {
                        root.close();
                    } catch (SQLException e) {
                        // closing a read-only connection after use: nothing is lost
                    }
                    root = null;
                }
            }
        };
    }
}
