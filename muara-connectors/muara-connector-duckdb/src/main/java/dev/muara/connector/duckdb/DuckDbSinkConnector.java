package dev.muara.connector.duckdb;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import java.util.List;
import java.util.Set;

/** Registers the {@code duckdb} target: an embedded DuckDB database file, Muara's default warehouse. */
public final class DuckDbSinkConnector implements SinkConnector {

    static final OptionSpec<String> PATH = OptionSpec.string("path",
            "Database file, relative to the pipeline file; created when missing.").required();

    static final OptionSpec<String> SCHEMA = OptionSpec.string("schema",
            "Schema of the tables; created when missing.").withDefault("main").perStream();

    static final OptionSpec<Long> MEMORY_LIMIT = OptionSpec.bytes("memory_limit",
            "Memory DuckDB may use before it spills to disk.").withDefault(512L << 20);

    static final OptionSpec<Long> THREADS = OptionSpec.integer("threads",
            "Threads DuckDB may use; default: the number of cores.").atLeast(1).atMost(256);

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public String description() {
        return "An embedded DuckDB database file: tables created and evolved from the data, loaded through the "
                + "Appender, with the pipeline state committed in the same transaction.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return List.of(PATH, SCHEMA, MEMORY_LIMIT, THREADS);
    }

    @Override
    public Set<WriteMode> writeModes() {
        return Set.of(WriteMode.APPEND, WriteMode.REPLACE, WriteMode.MERGE);
    }

    /** A database file stays on this machine; an {@code md:} path (MotherDuck) is a service elsewhere. */
    @Override
    public boolean keepsDataLocal(Options options) {
        return !options.get(PATH).startsWith("md:");
    }

    @Override
    public Sink create(SinkContext context, Options options) {
        return new DuckDbSink(context, options);
    }
}
