package dev.muara.connector.file;

import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.OptionSpec;
import java.util.List;
import java.util.Map;

/** The options of the {@code file} source, declared once. */
final class FileOptions {

    private FileOptions() {
    }

    static final OptionSpec<List<String>> PATH = OptionSpec.stringList("path",
            "File path or glob pattern (or a list of them), relative to the pipeline file: data/*.csv, logs/**/*.ndjson.gz. "
                    + "Each file is one split; files load in parallel.").required().perStream();

    static final OptionSpec<String> FORMAT = OptionSpec.oneOf("format",
            "csv, ndjson (one JSON object per line) or json (an array of objects, or objects one after another); "
                    + "default: from the file extension (.csv .tsv .txt, .ndjson .jsonl, .json).", "csv", "ndjson", "json")
            .perStream();

    static final OptionSpec<String> COMPRESSION = OptionSpec.oneOf("compression",
            "auto (from the extension: .gz, .zst), none, gzip or zstd.", "auto", "none", "gzip", "zstd")
            .withDefault("auto").perStream();

    static final OptionSpec<String> DELIMITER = OptionSpec.string("delimiter",
            "CSV field separator: one character, or 'tab'; default ',' (tab for .tsv).").perStream();

    static final OptionSpec<String> QUOTE = OptionSpec.string("quote",
            "CSV quote character.").withDefault("\"").perStream();

    static final OptionSpec<String> ESCAPE = OptionSpec.string("escape",
            "CSV character that escapes a quote inside quotes; default: the quote itself (\"\" per RFC 4180).").perStream();

    static final OptionSpec<Boolean> HEADER = OptionSpec.bool("header",
            "Whether the first CSV record names the columns.").withDefault(true).perStream();

    static final OptionSpec<List<String>> COLUMN_NAMES = OptionSpec.stringList("column_names",
            "Column names for CSV files without a header; default column_1, column_2, ...").perStream();

    static final OptionSpec<String> ENCODING = OptionSpec.string("encoding",
            "Text encoding of CSV files: utf-8, latin1 (iso-8859-1), windows-1252, utf-16, ... A byte order mark wins.")
            .withDefault("utf-8").perStream();

    static final OptionSpec<List<String>> NULL_VALUES = OptionSpec.stringList("null_values",
            "Unquoted CSV field texts that mean null; a quoted field is never null.").withDefault(List.of("")).perStream();

    static final OptionSpec<Map<String, ColumnSpec>> COLUMNS = OptionSpec.columnTypes("columns",
            "Column types that override inference, e.g. {amount: decimal(12,2), day: {type: date, format: dd/MM/yyyy}}. "
                    + "A value that does not fit is rejected to the dead-letter file. Formats apply to CSV; JSON values "
                    + "of a date or timestamp column must be ISO-8601.").perStream();

    static final OptionSpec<Long> SAMPLE_ROWS = OptionSpec.integer("sample_rows",
            "Rows read from the start of each file to infer column types; later rows that do not fit widen the type.")
            .withDefault(10_000L).atLeast(1).perStream();

    static final OptionSpec<Boolean> FLATTEN = OptionSpec.bool("flatten",
            "JSON: turn nested objects into parent__child columns (one level); otherwise they are kept as json.")
            .withDefault(false).perStream();

    static final OptionSpec<Long> MAX_RECORD_SIZE = OptionSpec.bytes("max_record_size",
            "The longest CSV record or NDJSON line accepted; longer ones are rejected and reading goes on. "
                    + "JSON documents are bounded by the JSON parser's own limits instead.")
            .withDefault(16L << 20).perStream();

    static final List<OptionSpec<?>> ALL = List.of(PATH, FORMAT, COMPRESSION, DELIMITER, QUOTE, ESCAPE, HEADER,
            COLUMN_NAMES, ENCODING, NULL_VALUES, COLUMNS, SAMPLE_ROWS, FLATTEN, MAX_RECORD_SIZE);
}
