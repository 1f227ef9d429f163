package dev.muara.connector.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
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
import org.junit.jupiter.api.BeforeAll;

/** MariaDB (the local server) passes the behaviour suite every source must pass. */
class MySqlSourceBehaviourTest extends SourceBehaviour {

    private static String database;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeAll
    static void server() {
        assumeTrue(TestDatabases.mariadb().isPresent(), TestDatabases.noMariaDb());
        database = TestDatabases.newMariaDbDatabase();
    }

    /** A MySQL TIMESTAMP ends at 2038-01-19 03:14:07.999999 UTC; the suite's last instant is a microsecond past it. */
    @Override
    protected List<List<Object>> allTypeRows() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (List<Object> row : super.allTypeRows()) {
            List<Object> copy = new java.util.ArrayList<>(row);
            if (java.time.Instant.parse("2038-01-19T03:14:08.000001Z").equals(copy.get(10))) {
                copy.set(10, java.time.Instant.parse("2038-01-19T03:14:07.999999Z"));
            }
            rows.add(copy);
        }
        return rows;
    }

    @Override
    protected Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception {
        String table = "t" + TABLES.incrementAndGet();
        try (Connection c = TestDatabases.mariadbConnection(database)) {
            // a TIMESTAMP column, as MySQL keeps instants; Muara itself creates DATETIME(6) in UTC
            JdbcTesting.createAndFill(c, new MySqlDialect(), table, schema, rows,
                    Map.of(TypeKind.TIMESTAMP_TZ, "TIMESTAMP(6) NULL"));
        }
        Map<String, Object> options = JdbcTesting.mariadbOptions(database);
        options.put("tables", List.of(table));
        return new DatabaseConnectors.MySqlSource().create(new SourceContext("test", "s", Path.of(".")),
                Options.of("source 'mysql'", options));
    }
}
