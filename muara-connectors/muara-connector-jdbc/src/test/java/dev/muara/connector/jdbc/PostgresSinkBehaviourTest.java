package dev.muara.connector.jdbc;

import dev.muara.api.data.Schema;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import dev.muara.testkit.JdbcValues;
import dev.muara.testkit.SinkBehaviour;
import dev.muara.testkit.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/** PostgreSQL passes the behaviour suite every sink must pass, against a real server. */
class PostgresSinkBehaviourTest extends SinkBehaviour {

    private final String database = TestDatabases.newPostgresDatabase();

    @Override
    protected Sink createSink(SinkContext context) {
        return new DatabaseConnectors.PostgresTarget().create(context, Options.of("target 'postgres'",
                JdbcTesting.postgresOptions(database)));
    }

    @Override
    protected List<List<Object>> read(String table, Schema columns) throws Exception {
        try (Connection c = TestDatabases.postgresConnection(database)) {
            return JdbcValues.query(c, JdbcValues.select(table, columns, '"'), columns);
        } catch (java.sql.SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    protected Set<WriteMode> writeModes() {
        return new DatabaseConnectors.PostgresTarget().writeModes();
    }
}
