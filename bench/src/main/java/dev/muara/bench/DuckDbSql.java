package dev.muara.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB reference as a process of its own: runs SQL statements on a database file through the same DuckDB
 * library Muara loads with ({@code java ... DuckDbSql file.duckdb "CREATE TABLE ..."}), so its time and memory are
 * measured like Muara's, JVM start included.
 */
public final class DuckDbSql {

    private DuckDbSql() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection c = connect(args[0]); Statement s = c.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                s.execute(args[i]);
            }
        }
    }

    static Connection connect(String file) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
    }

    static long count(String file, String table) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String version() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
