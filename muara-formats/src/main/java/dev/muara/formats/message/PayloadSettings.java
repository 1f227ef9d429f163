package dev.muara.formats.message;

import dev.muara.api.option.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * How payloads are read.
 *
 * @param format the payload format
 * @param columns column types given in configuration (JSON and CSV); other JSON columns are inferred, other CSV
 *     columns are strings
 * @param columnNames CSV column names, in record order; {@code column_1, column_2, ...} beyond them
 * @param delimiter the CSV field separator
 * @param flatten JSON: nested objects become {@code parent__child} columns
 */
public record PayloadSettings(PayloadFormat format, Map<String, ColumnSpec> columns, List<String> columnNames,
        char delimiter, boolean flatten) {

    public PayloadSettings {
        columns = Map.copyOf(columns);
        columnNames = List.copyOf(columnNames);
    }

    /** JSON payloads with inferred types, not flattened. */
    public static PayloadSettings json() {
        return new PayloadSettings(PayloadFormat.JSON, Map.of(), List.of(), ',', false);
    }
}
