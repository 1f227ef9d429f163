package dev.muara.transforms.lookup;

import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.SourceConfig;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformSetup;
import dev.muara.transforms.TransformType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code type: lookup}. */
public final class LookupConnector extends TransformType {

    static final OptionSpec<String> FILE = OptionSpec.string("file",
            "The lookup file: CSV with a header (.csv), or one JSON object per line (.ndjson, .jsonl, .json). A relative "
                    + "path resolves against the pipeline's folder and must stay inside it. Give file or source.");
    static final OptionSpec<SourceConfig> SOURCE = OptionSpec.source("source",
            "The lookup table, written as a pipeline's source is and read once when the run starts: {type: postgres, "
                    + "host: ..., database: crm, password: ${env:CRM_PASSWORD}, tables: [countries]}, or query: "
                    + "SELECT ... instead of tables. A source that ends, of one stream; its column types are kept. "
                    + "Give file or source.");
    static final OptionSpec<String> KEY = OptionSpec.string("key", "The lookup's column holding the key.").required();
    static final OptionSpec<String> ON = OptionSpec.string("on",
            "The column of the rows whose value is looked up in key; compared as text (42, 2024-12-25).").required();
    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns",
            "The lookup's columns to add to each row; default: all but key.");
    static final OptionSpec<Map<String, ColumnSpec>> TYPES = OptionSpec.columnTypes("types",
            "Types of the lookup's columns; other CSV columns are text, other JSON columns keep JSON's types, other "
                    + "source columns the source's.");
    static final OptionSpec<String> ON_MISSING = OptionSpec.oneOf("on_missing",
            "A row whose value is not in the lookup: null (its added columns are null) or reject (to the dead-letter "
                    + "file).", "null", "reject").withDefault("null");
    static final OptionSpec<Long> MAX_ROWS = OptionSpec.integer("max_rows",
            "The most rows the lookup may have; it is held in memory for the run, so a larger one is refused.")
            .withDefault(1_000_000L).atLeast(1);

    public LookupConnector() {
        super("lookup", "Adds columns from the matching row of a CSV or JSON file, or of a database table or query, by key.",
                List.of(FILE, SOURCE, KEY, ON, COLUMNS, TYPES, ON_MISSING, MAX_ROWS), LookupConnector::lookup);
    }

    private static Transform lookup(TransformSetup setup, Options options) {
        requireFileOrSource(options);
        Map<String, ColumnSpec> types = options.get(TYPES) == null ? Map.of() : options.get(TYPES);
        LookupTable table = options.isSet(FILE)
                ? LookupTable.load(confined(setup.baseDirectory(), options), types, options.get(KEY), options.get(MAX_ROWS))
                : LookupTable.read(setup.sources(), options.get(SOURCE), types, options.get(KEY), options.get(MAX_ROWS));
        List<String> columns = options.get(COLUMNS) != null ? options.get(COLUMNS) : table.columnsBut(options.get(KEY));
        for (String column : columns) {
            if (table.schema().indexOf(column) < 0) {
                throw options.invalid(COLUMNS, "the lookup has no column '" + column + "'")
                        .withHint("its columns are: " + String.join(", ", table.schema().names()));
            }
        }
        return new Lookup(table, options.get(ON), columns, options.get(ON_MISSING).equals("reject"));
    }

    /** Refuses options that give both a file and a source, or neither, before anything is read. */
    private static void requireFileOrSource(Options options) {
        if (options.isSet(FILE) && options.isSet(SOURCE)) {
            throw options.invalid(SOURCE, "give file or source, not both")
                    .withHint("a lookup reads one file, or one table or query");
        }
        if (!options.isSet(FILE) && !options.isSet(SOURCE)) {
            throw MuaraException.config(options.owner() + " needs file (a CSV or JSON file) or source (a table or query)")
                    .at(options.location())
                    .withHint("file: countries.csv, or source: {type: postgres, ..., tables: [countries]}");
        }
    }

    /** The file's path, refused when it does not exist or a relative path leads out of the pipeline's folder. */
    private static Path confined(Path baseDirectory, Options options) {
        String written = options.get(FILE);
        Path file = baseDirectory.resolve(written);
        if (!Files.isRegularFile(file)) {
            throw options.invalid(FILE, "there is no file " + file.toAbsolutePath().normalize())
                    .withHint("a relative path resolves against the pipeline's folder");
        }
        if (Path.of(written).isAbsolute()) {
            return file;
        }
        try {
            // real paths, so a symbolic link cannot lead out either
            if (!file.toRealPath().startsWith(baseDirectory.toRealPath())) {
                throw options.invalid(FILE, "'" + written + "' leads out of the pipeline's folder")
                        .withHint("keep the lookup file in the pipeline's folder, or give an absolute path");
            }
        } catch (IOException e) {
            throw MuaraException.config("transform lookup: cannot read " + file + ": " + e.getMessage());
        }
        return file;
    }
}
