package dev.muara.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Queries a DuckDB file the way a user would look at the result, for assertions. */
final class Duck {

    private Duck() {
    }

    static long count(Path db, String sql) throws SQLException {
        List<List<String>> rows = rows(db, sql);
        return Long.parseLong(rows.get(0).get(0));
    }

    static List<List<String>> rows(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }
}
