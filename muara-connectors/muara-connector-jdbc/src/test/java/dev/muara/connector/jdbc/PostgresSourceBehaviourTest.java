package dev.muara.connector.jdbc;

import dev.muara.api.data.Schema;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.testkit.SourceBehaviour;
import dev.muara.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** PostgreSQL passes the behaviour suite every source must pass, against a real server. */
class PostgresSourceBehaviourTest extends SourceBehaviour {

    private static final String DATABASE = TestDatabases.newPostgresDatabase();
    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception {
        String table = "t" + TABLES.incrementAndGet();
        try (Connection c = TestDatabases.postgresConnection(DATABASE)) {
            JdbcTesting.createAndFill(c, new PostgresDialect(), table, schema, rows, Map.of());
        }
        Map<String, Object> options = JdbcTesting.postgresOptions(DATABASE);
        options.put("tables", List.of(table));
        return new DatabaseConnectors.PostgresSource().create(new SourceContext("test", "s", Path.of(".")),
                Options.of("source 'postgres'", options));
    }
}
