package dev.muara.connector.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.BeforeEach;

/** MariaDB (the local server) passes the behaviour suite every sink must pass. */
class MySqlSinkBehaviourTest extends SinkBehaviour {

    private String database;

    @BeforeEach
    void server() {
        assumeTrue(TestDatabases.mariadb().isPresent(), TestDatabases.noMariaDb());
        database = TestDatabases.newMariaDbDatabase();
    }

    @Override
    protected Sink createSink(SinkContext context) {
        return new DatabaseConnectors.MySqlTarget().create(context, Options.of("target 'mysql'",
                JdbcTesting.mariadbOptions(database)));
    }

    @Override
    protected List<List<Object>> read(String table, Schema columns) throws Exception {
        try (Connection c = TestDatabases.mariadbConnection(database)) {
            return JdbcValues.query(c, JdbcValues.select(table, columns, '`'), columns);
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() == 1146) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    protected Set<WriteMode> writeModes() {
        return new DatabaseConnectors.MySqlTarget().writeModes();
    }
}
