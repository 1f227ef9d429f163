package dev.muara.transforms.lookup;

import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
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
                    + "path resolves against the pipeline's folder and must stay inside it.").required();
    static final OptionSpec<String> KEY = OptionSpec.string("key", "The file's column holding the key.").required();
    static final OptionSpec<String> ON = OptionSpec.string("on",
            "The column of the rows whose value is looked up in key; compared as text (42, 2024-12-25).").required();
    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns",
            "The file's columns to add to each row; default: all but key.");
    static final OptionSpec<Map<String, ColumnSpec>> TYPES = OptionSpec.columnTypes("types",
            "Types of the file's columns; other CSV columns are text, other JSON columns keep JSON's types.");
    static final OptionSpec<String> ON_MISSING = OptionSpec.oneOf("on_missing",
            "A row whose value is not in the file: null (its added columns are null) or reject (to the dead-letter "
                    + "file).", "null", "reject").withDefault("null");
    static final OptionSpec<Long> MAX_ROWS = OptionSpec.integer("max_rows",
            "The most rows the file may have; it is held in memory for the run, so a larger one is refused.")
            .withDefault(1_000_000L).atLeast(1);

    public LookupConnector() {
        super("lookup", "Adds columns from the matching row of a CSV or JSON file, by key.",
                List.of(FILE, KEY, ON, COLUMNS, TYPES, ON_MISSING, MAX_ROWS), LookupConnector::lookup);
    }

    private static Transform lookup(TransformSetup setup, Options options) {
        Path file = confined(setup.baseDirectory(), options);
        LookupTable table = LookupTable.load(file, options.get(TYPES) == null ? Map.of() : options.get(TYPES),
                options.get(KEY), options.get(MAX_ROWS));
        List<String> columns = options.get(COLUMNS) != null ? options.get(COLUMNS) : table.columnsBut(options.get(KEY));
        for (String column : columns) {
            if (table.schema().indexOf(column) < 0) {
                throw options.invalid(COLUMNS, "the lookup file has no column '" + column + "'")
                        .withHint("its columns are: " + String.join(", ", table.schema().names()));
            }
        }
        return new Lookup(table, options.get(ON), columns, options.get(ON_MISSING).equals("reject"));
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
