package dev.muara.connector.jdbc;

import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
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

/** DuckDB, read-only, passes the behaviour suite every source must pass. */
class DuckDbSourceBehaviourTest extends SourceBehaviour {

    @TempDir
    Path dir;

    @Override
    protected Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception {
        Path file = dir.resolve("source.duckdb");
        String table = "t" + System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            JdbcTesting.createAndFill(c, new PostgresDialect(), table, schema, rows, Map.of(TypeKind.BINARY, "BLOB",
                    TypeKind.TIMESTAMP_TZ, "TIMESTAMPTZ", TypeKind.JSON, "JSON", TypeKind.FLOAT64, "DOUBLE"));
        }
        return new DatabaseConnectors.DuckDbSource().create(new SourceContext("test", "s", dir),
                Options.of("source 'duckdb'", Map.of("path", "source.duckdb", "tables", List.of(table))));
    }
}
