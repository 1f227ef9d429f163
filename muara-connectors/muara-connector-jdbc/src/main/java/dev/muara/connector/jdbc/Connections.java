package dev.muara.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where connections come from: a HikariCP pool, or for DuckDB one database instance shared by duplicates. */
interface Connections extends AutoCloseable {

    Connection get() throws SQLException;

    @Override
    void close();

    /** A pool of connections to a server or file database. */
    static Connections pooled(Dialect dialect, ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.url(settings));
        Properties properties = dialect.properties(settings);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.setPoolName("muara-" + dialect.type());
        config.setAutoCommit(true);
        String init = dialect.connectionInit();
        if (init != null) {
            config.setConnectionInitSql(init);
        }
        HikariDataSource pool = new HikariDataSource(config);
        return new Connections() {
            @Override
            public Connection get() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void close() {
                pool.close();
            }
        };
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
