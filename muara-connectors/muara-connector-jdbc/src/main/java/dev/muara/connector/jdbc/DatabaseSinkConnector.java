package dev.muara.connector.jdbc;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A relational database as a target; one small subclass per database names its type and dialect. */
abstract class DatabaseSinkConnector implements SinkConnector {

    private final String type;
    private final String description;
    private final Dialect dialect;
    private final boolean fileDatabase;

    DatabaseSinkConnector(String type, String description, Dialect dialect, boolean fileDatabase) {
        this.type = type;
        this.description = description;
        this.dialect = dialect;
        this.fileDatabase = fileDatabase;
    }

    Dialect dialect() {
        return dialect;
    }

    boolean fileDatabase() {
        return fileDatabase;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<OptionSpec<?>> options() {
        List<OptionSpec<?>> options = new ArrayList<>(DatabaseConnectors.connection(dialect(), fileDatabase()));
        if (dialect().createsSchemas()) {
            options.add(JdbcOptions.TARGET_SCHEMA);
        }
        return options;
    }

    @Override
    public Set<WriteMode> writeModes() {
        return Set.of(WriteMode.APPEND, WriteMode.REPLACE, WriteMode.MERGE);
    }

    /** A database file (SQLite) stays on this machine; a server may be anywhere. */
    @Override
    public boolean keepsDataLocal(Options options) {
        return fileDatabase();
    }

    @Override
    public Sink create(SinkContext context, Options options) {
        ConnectionSettings settings = fileDatabase() ? ConnectionSettings.file(options, context.baseDirectory())
                : ConnectionSettings.server(options, context.baseDirectory(), dialect());
        return new JdbcSink(dialect(), context, options, settings);
    }
}
