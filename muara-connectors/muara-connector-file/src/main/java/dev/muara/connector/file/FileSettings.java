package dev.muara.connector.file;

import dev.muara.api.data.DataType;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.Options;
import dev.muara.formats.csv.CsvDialect;
import dev.muara.formats.io.Compression;
import dev.muara.formats.text.TextConverter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file source's options, checked and turned into parser settings once per stream.
 *
 * @param format the configured format, or null to go by extension
 * @param compression auto, none, gzip or zstd
 * @param dialect the CSV dialect (its delimiter is the configured one, or ',')
 * @param delimiterSet whether the delimiter was configured (otherwise .tsv files use tab)
 * @param columnNames names for headerless CSV files, or empty
 * @param columns configured column types
 * @param sampleRows rows sampled for type inference
 * @param flatten whether nested JSON objects become columns
 * @param maxRecordBytes the longest record accepted
 */
record FileSettings(String format, String compression, CsvDialect dialect, boolean delimiterSet,
        List<String> columnNames, Map<String, ColumnSpec> columns, int sampleRows, boolean flatten,
        int maxRecordBytes) {

    static FileSettings from(Options options) {
        Charset charset;
        String encoding = options.get(FileOptions.ENCODING);
        try {
            charset = Charset.forName(encoding.equalsIgnoreCase("latin1") ? "ISO-8859-1" : encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw options.invalid(FileOptions.ENCODING, "'" + encoding + "' is not an encoding this Java knows");
        }
        long maxRecord = options.get(FileOptions.MAX_RECORD_SIZE);
        if (maxRecord < 1024 || maxRecord > (1L << 30)) {
            throw options.invalid(FileOptions.MAX_RECORD_SIZE, "expected a size from 1KB to 1GB");
        }
        CsvDialect dialect = CsvDialect.RFC4180.withCharset(charset).withHeader(options.get(FileOptions.HEADER))
                .withNullValues(new HashSet<>(options.get(FileOptions.NULL_VALUES))).withMaxRecordBytes((int) maxRecord);
        String delimiter = options.get(FileOptions.DELIMITER);
        String quote = options.get(FileOptions.QUOTE);
        String escape = options.get(FileOptions.ESCAPE);
        try {
            if (delimiter != null) {
                dialect = dialect.withDelimiter(single(delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter));
            }
        } catch (IllegalArgumentException e) {
            throw options.invalid(FileOptions.DELIMITER, e.getMessage());
        }
        try {
            dialect = dialect.withQuote(single(quote));
        } catch (IllegalArgumentException e) {
            throw options.invalid(FileOptions.QUOTE, e.getMessage());
        }
        try {
            if (escape != null) {
                dialect = dialect.withEscape(single(escape));
            }
        } catch (IllegalArgumentException e) {
            throw options.invalid(FileOptions.ESCAPE, e.getMessage());
        }
        Map<String, ColumnSpec> columns = options.get(FileOptions.COLUMNS) == null ? Map.of()
                : new LinkedHashMap<>(options.get(FileOptions.COLUMNS));
        for (Map.Entry<String, ColumnSpec> column : columns.entrySet()) {
            try {
                TextConverter.of(column.getValue().type(), column.getValue().format());
            } catch (IllegalArgumentException e) {
                throw options.invalid(FileOptions.COLUMNS, "column " + column.getKey() + ": " + e.getMessage());
            }
        }
        List<String> names = options.get(FileOptions.COLUMN_NAMES);
        return new FileSettings(options.get(FileOptions.FORMAT), options.get(FileOptions.COMPRESSION), dialect,
                delimiter != null, names == null ? List.of() : names, columns,
                (int) Math.min(Integer.MAX_VALUE, options.get(FileOptions.SAMPLE_ROWS)), options.get(FileOptions.FLATTEN),
                (int) maxRecord);
    }

    private static char single(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("expected one character, found '" + text + "'");
        }
        return text.charAt(0);
    }

    /** The format of {@code fileName}: configured, or from its extension. */
    String formatOf(String fileName, Options options) {
        if (format != null) {
            return format;
        }
        String name = Compression.strip(fileName).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return "csv";
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return "ndjson";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        throw options.invalid(FileOptions.FORMAT, "cannot tell the format of " + fileName
                + " from its extension; set format: csv, ndjson or json");
    }

    Compression compressionOf(String fileName) {
        return switch (compression) {
            case "none" -> Compression.NONE;
            case "gzip" -> Compression.GZIP;
            case "zstd" -> Compression.ZSTD;
            default -> Compression.of(fileName);
        };
    }

    /** The CSV dialect for {@code fileName}: tab-separated for .tsv unless a delimiter was configured. */
    CsvDialect dialectFor(String fileName) {
        if (!delimiterSet && Compression.strip(fileName).toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            return dialect.withDelimiter('\t');
        }
        return dialect;
    }

    /** Configured column types, for JSON, which takes no formats. */
    Map<String, DataType> columnTypes() {
        Map<String, DataType> types = new LinkedHashMap<>();
        columns.forEach((name, spec) -> types.put(name, spec.type()));
        return types;
    }
}
