package dev.muara.connector.duckdb;

import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import dev.muara.testkit.SinkBehaviour;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.muara.api.data.Schema;
import dev.muara.testkit.JdbcValues;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSinkBehaviourTest extends SinkBehaviour {

    @TempDir
    Path dir;

    @Override
    protected Sink createSink(SinkContext context) {
        return new DuckDbSinkConnector().create(new SinkContext(context.pipeline(), dir),
                Options.of("target 'duckdb'", Map.of("path", "behaviour.duckdb")));
    }

    @Override
    protected List<List<Object>> read(String table, Schema columns) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("behaviour.duckdb").toAbsolutePath())) {
            return JdbcValues.query(connection, JdbcValues.select(table, columns, '"'), columns);
        } catch (java.sql.SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    protected Set<WriteMode> writeModes() {
        return new DuckDbSinkConnector().writeModes();
    }
}
