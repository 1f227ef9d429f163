package dev.muara.connector.jdbc;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A relational database as a source; one small subclass per database names its type and dialect. */
abstract class DatabaseSourceConnector implements SourceConnector {

    private final String type;
    private final String description;
    private final Dialect dialect;
    private final boolean fileDatabase;

    /**
     * @param fileDatabase whether the database is a file (SQLite, DuckDB) rather than a server
     */
    DatabaseSourceConnector(String type, String description, Dialect dialect, boolean fileDatabase) {
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
        options.addAll(JdbcOptions.READ);
        options.addAll(dialect().readOptions());
        return options;
    }

    @Override
    public Source create(SourceContext context, Options options) {
        ConnectionSettings settings = fileDatabase() ? ConnectionSettings.file(options, context.baseDirectory())
                : ConnectionSettings.server(options, context.baseDirectory(), dialect());
        if (fileDatabase() && !Files.exists(Path.of(settings.database()))) {
            // opening a missing SQLite file would create an empty one and load nothing, silently
            throw options.invalid(JdbcOptions.PATH, "the database file " + settings.database() + " does not exist");
        }
        return new JdbcSource(dialect(), context, options, settings);
    }

    @Override
    public boolean discoversStreams(Options options) {
        return JdbcSource.manyTables(options);
    }

    @Override
    public String defaultStreamName(Options options) {
        List<String> tables = options.get(JdbcOptions.TABLES);
        if (tables == null || tables.size() != 1 || Catalog.isPattern(tables.get(0))) {
            return null;
        }
        String table = tables.get(0);
        return table.substring(table.lastIndexOf('.') + 1);
    }

    @Override
    public boolean knowsPrimaryKeys() {
        return true;
    }

    @Override
    public String splitNoun() {
        return "split";
    }
}
