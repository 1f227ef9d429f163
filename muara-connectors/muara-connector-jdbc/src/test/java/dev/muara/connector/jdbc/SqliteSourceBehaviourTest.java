package dev.muara.connector.jdbc;

import dev.muara.api.data.Schema;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.testkit.SourceBehaviour;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** SQLite passes the behaviour suite every source must pass. */
class SqliteSourceBehaviourTest extends SourceBehaviour {

    @TempDir
    Path dir;

    @Override
    protected Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception {
        Path file = dir.resolve("source.sqlite");
        String table = "t" + System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            JdbcTesting.createAndFill(c, new SqliteDialect(), table, schema, rows, Map.of());
        }
        return new DatabaseConnectors.SqliteSource().create(new SourceContext("test", "s", dir),
                Options.of("source 'sqlite'", Map.of("path", "source.sqlite", "tables", List.of(table))));
    }
}
