package dev.muara.connector.jdbc;

import dev.muara.api.data.Schema;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import dev.muara.testkit.JdbcValues;
import dev.muara.testkit.SinkBehaviour;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** SQLite passes the behaviour suite every sink must pass. */
class SqliteSinkBehaviourTest extends SinkBehaviour {

    @TempDir
    Path dir;

    @Override
    protected Sink createSink(SinkContext context) {
        return new DatabaseConnectors.SqliteTarget().create(new SinkContext(context.pipeline(), dir),
                Options.of("target 'sqlite'", Map.of("path", "target.sqlite")));
    }

    @Override
    protected List<List<Object>> read(String table, Schema columns) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("target.sqlite"))) {
            return JdbcValues.query(c, JdbcValues.select(table, columns, '"'), columns);
        } catch (java.sql.SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    protected Set<WriteMode> writeModes() {
        return new DatabaseConnectors.SqliteTarget().writeModes();
    }
}
