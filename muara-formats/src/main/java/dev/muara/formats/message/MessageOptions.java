package dev.muara.formats.message;

import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.formats.text.TextConverter;
import java.util.List;
import java.util.Map;

/** The options every message source shares to say how its payloads are read, declared once. */
public final class MessageOptions {

    private MessageOptions() {
    }

    public static final OptionSpec<String> FORMAT = OptionSpec.oneOf("format",
            "How a payload becomes rows: json (an object, an array of objects, or objects one per line: a row per "
                    + "object), csv (records without a header, one per line), text (one row, the text in a payload "
                    + "column) or bytes (one row, a binary payload column).", "json", "csv", "text", "bytes")
            .withDefault("json").perStream();

    public static final OptionSpec<Map<String, ColumnSpec>> COLUMNS = OptionSpec.columnTypes("columns",
            "Column types that override inference, e.g. {temperature: float64, at: timestamptz}. A value that does "
                    + "not fit is rejected to the dead-letter file. Unnamed CSV columns are strings.").perStream();

    public static final OptionSpec<List<String>> COLUMN_NAMES = OptionSpec.stringList("column_names",
            "CSV: the column names, in record order; default column_1, column_2, ...").perStream();

    public static final OptionSpec<String> DELIMITER = OptionSpec.string("delimiter",
            "CSV field separator: one character, or 'tab'.").withDefault(",").perStream();

    public static final OptionSpec<Boolean> FLATTEN = OptionSpec.bool("flatten",
            "JSON: turn nested objects into parent__child columns (one level); otherwise they are kept as json.")
            .withDefault(false).perStream();

    public static final OptionSpec<Boolean> METADATA = OptionSpec.bool("metadata",
            "Add the message's own columns (topic, time and the like, named with a leading underscore) to each row.")
            .withDefault(true).perStream();

    /** The options in the order the reference lists them. */
    public static final List<OptionSpec<?>> ALL = List.of(FORMAT, COLUMNS, COLUMN_NAMES, DELIMITER, FLATTEN, METADATA);

    /** The payload settings the options give. */
    public static PayloadSettings payload(Options options) {
        String delimiter = options.get(DELIMITER);
        char separator;
        if (delimiter.equalsIgnoreCase("tab")) {
            separator = '\t';
        } else if (delimiter.length() == 1) {
            separator = delimiter.charAt(0);
        } else {
            throw options.invalid(DELIMITER, "must be one character or 'tab'");
        }
        Map<String, ColumnSpec> columns = options.get(COLUMNS) == null ? Map.of() : options.get(COLUMNS);
        for (Map.Entry<String, ColumnSpec> column : columns.entrySet()) {
            try {
                TextConverter.of(column.getValue().type(), column.getValue().format());
            } catch (IllegalArgumentException e) {
                throw options.invalid(COLUMNS, "column " + column.getKey() + ": " + e.getMessage());
            }
        }
        List<String> names = options.get(COLUMN_NAMES) == null ? List.of() : options.get(COLUMN_NAMES);
        return new PayloadSettings(PayloadFormat.of(options.get(FORMAT)), columns, names, separator, options.get(FLATTEN));
    }
}
