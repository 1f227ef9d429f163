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
import java.util.stream.Collectors;
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
    protected List<List<Object>> read(String table, List<String> columns) throws Exception {
        String select = columns.stream().map(DuckDbTypes::quote).collect(Collectors.joining(", "));
        try {
            return DuckDbTables.query(dir.resolve("behaviour.duckdb"), "SELECT " + select + " FROM " + DuckDbTypes.quote(table));
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
