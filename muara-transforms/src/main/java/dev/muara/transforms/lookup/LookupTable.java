package dev.muara.transforms.lookup;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.source.BoundedSourceReader;
import dev.muara.api.source.SourceConfig;
import dev.muara.formats.csv.CsvDialect;
import dev.muara.formats.csv.CsvParser;
import dev.muara.formats.message.MessageBatchBuilder;
import dev.muara.formats.message.PayloadFormat;
import dev.muara.formats.message.PayloadSettings;
import dev.muara.formats.text.TextConverter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A lookup file or source held in memory: its rows as one batch, and the row of each key, the key as text. Read once
 * per run; immutable afterwards, so reader threads share it.
 */
final class LookupTable {

    private final Batch rows;
    private final Map<String, Integer> rowOfKey;

    private LookupTable(Batch rows, Map<String, Integer> rowOfKey) {
        this.rows = rows;
        this.rowOfKey = rowOfKey;
    }

    Schema schema() {
        return rows.schema();
    }

    Column column(String name) {
        return rows.column(name);
    }

    /** The row whose key is {@code key}, or -1. */
    int rowOf(String key) {
        Integer row = rowOfKey.get(key);
        return row == null ? -1 : row;
    }

    List<String> columnsBut(String key) {
        List<String> names = new ArrayList<>(rows.schema().names());
        names.remove(key);
        return names;
    }

    /**
     * Reads {@code file}, CSV or one JSON object per line by its extension.
     *
     * @throws MuaraException of kind config, naming the file (and line), when it cannot be read, has more than
     *     {@code maxRows} rows, lacks the key column, or holds a key twice
     */
    static LookupTable load(Path file, Map<String, ColumnSpec> types, String key, long maxRows) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Batch rows;
        try {
            if (name.endsWith(".csv")) {
                rows = readCsv(file, types, maxRows);
            } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
                rows = readJsonLines(file, types, maxRows);
            } else {
                throw MuaraException.config("transform lookup: " + file + " is neither .csv nor .ndjson, .jsonl or .json")
                        .withHint("a lookup file is CSV with a header, or one JSON object per line");
            }
        } catch (IOException e) {
            throw MuaraException.config("transform lookup: cannot read " + file + ": " + e.getMessage());
        }
        return indexed(file.toString(), rows, key);
    }

    /**
     * Reads {@code source} whole with {@code sources}, keeping its column types but for those {@code types} names.
     *
     * @throws MuaraException of kind config, naming the source, when it has no rows (its columns are then unknown)
     *     or more than {@code maxRows}, its column names change between batches, a value does not convert to its type in
     *     {@code types}, it lacks the key column, or holds a key twice; what {@code sources} throws when it cannot
     *     be read
     */
    static LookupTable read(BoundedSourceReader sources, SourceConfig source, Map<String, ColumnSpec> types, String key,
            long maxRows) {
        String origin = source.options().owner();
        SourceRows rows = new SourceRows(origin, maxRows);
        sources.read(source, rows);
        Batch all = rows.rows();
        if (all == null) {
            throw MuaraException.config("transform lookup: " + origin + " has no rows, so its columns are unknown")
                    .withHint("a lookup source holds at least one row");
        }
        return indexed(origin, typed(origin, all, types), key);
    }

    /**
     * The batches of a source, appended into one set of columns, at most {@code maxRows} rows. A column whose type
     * a later batch widens (a file whose later rows do not fit the type inferred first) takes the wider type.
     */
    private static final class SourceRows implements Consumer<Batch> {
        private final String origin;
        private final long maxRows;
        private List<String> names;
        private Column[] columns;
        private int count;

        SourceRows(String origin, long maxRows) {
            this.origin = origin;
            this.maxRows = maxRows;
        }

        @Override
        public void accept(Batch batch) {
            if (columns == null) {
                names = batch.schema().names();
                columns = new Column[names.size()];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = new Column(batch.schema().field(c).type(), Math.max(batch.rowCount(), 16));
                }
            } else if (!batch.schema().names().equals(names)) {
                throw MuaraException.config("transform lookup: the columns of " + origin + " changed while it was read, "
                        + "from " + names + " to " + batch.schema().names())
                        .withHint("read a source whose rows all have the same columns: a table, a query, or files of "
                                + "one layout");
            }
            if (count + (long) batch.rowCount() > maxRows) {
                throw tooLarge(origin, maxRows);
            }
            for (int c = 0; c < columns.length; c++) {
                DataType wider = DataType.widen(columns[c].type(), batch.column(c).type());
                columns[c] = columns[c].widenTo(wider);
                Column values = batch.column(c).widenTo(wider);
                for (int row = 0; row < batch.rowCount(); row++) {
                    columns[c].appendFrom(values, row);
                }
            }
            count += batch.rowCount();
        }

        /** The rows read, or null when the source held none. */
        Batch rows() {
            if (columns == null) {
                return null;
            }
            List<Field> fields = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                fields.add(new Field(names.get(c), columns[c].type()));
            }
            return new Batch(new Schema(fields), columns, count);
        }
    }

    /** {@code rows} with the columns {@code types} names converted, through their text, as a CSV's would be. */
    private static Batch typed(String origin, Batch rows, Map<String, ColumnSpec> types) {
        List<Field> fields = new ArrayList<>(rows.schema().fields());
        Column[] columns = rows.columns().clone();
        for (Map.Entry<String, ColumnSpec> type : types.entrySet()) {
            int index = rows.schema().indexOf(type.getKey());
            if (index < 0) {
                continue; // as for a file: types may name columns the rows do not have
            }
            TextConverter converter = TextConverter.of(type.getValue().type(), type.getValue().format());
            Column converted = new Column(converter.type(), rows.rowCount());
            for (int row = 0; row < rows.rowCount(); row++) {
                String text = columns[index].text(row);
                if (text == null) {
                    converted.appendNull();
                } else if (!converter.append(text, converted)) {
                    throw MuaraException.config("transform lookup: " + origin + ", row " + (row + 1) + ": '" + text
                            + "' in column " + type.getKey() + " is not a " + converter.type());
                }
            }
            columns[index] = converted;
            fields.set(index, new Field(type.getKey(), converter.type()));
        }
        return new Batch(new Schema(fields), columns, rows.rowCount());
    }

    /** {@code rows} with each key's row; {@code origin} names them in messages (the file, the source). */
    private static LookupTable indexed(String origin, Batch rows, String key) {
        int keyColumn = rows.schema().indexOf(key);
        if (keyColumn < 0) {
            throw MuaraException.config("transform lookup: " + origin + " has no key column '" + key + "'")
                    .withHint("its columns are: " + String.join(", ", rows.schema().names()));
        }
        return new LookupTable(rows, index(origin, rows.column(keyColumn)));
    }

    /** Each key's row; a key written twice is refused, since either row could be the one meant. */
    private static Map<String, Integer> index(String origin, Column keys) {
        Map<String, Integer> rowOfKey = new HashMap<>(keys.size() * 2);
        for (int row = 0; row < keys.size(); row++) {
            String key = keys.text(row);
            if (key == null) {
                continue; // a null key matches nothing
            }
            Integer first = rowOfKey.putIfAbsent(key, row);
            if (first != null) {
                throw MuaraException.config("transform lookup: " + origin + " has the key '" + key + "' twice (rows "
                        + (first + 1) + " and " + (row + 1) + ")")
                        .withHint("a lookup holds each key once; remove the duplicate rows");
            }
        }
        return rowOfKey;
    }

    private static Batch readCsv(Path file, Map<String, ColumnSpec> types, long maxRows) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                CsvParser csv = new CsvParser(in, CsvDialect.RFC4180)) {
            if (!csv.next()) {
                throw MuaraException.config("transform lookup: " + file + " is empty")
                        .withHint("a lookup CSV starts with a header naming its columns");
            }
            List<Field> fields = new ArrayList<>();
            List<TextConverter> converters = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                String column = csv.field(i);
                ColumnSpec spec = types.getOrDefault(column, new ColumnSpec(DataType.STRING, null));
                fields.add(new Field(column == null ? "column_" + (i + 1) : column, spec.type()));
                converters.add(TextConverter.of(spec.type(), spec.format()));
            }
            Schema schema = schema(file, fields);
            Column[] columns = new Column[fields.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = new Column(fields.get(c).type(), 1024);
            }
            int rows = 0;
            while (csv.next()) {
                String where = file + ":" + csv.recordLine();
                if (csv.problem() != null) {
                    throw MuaraException.config("transform lookup: " + where + ": " + csv.problem());
                }
                if (csv.fieldCount() != columns.length) {
                    throw MuaraException.config("transform lookup: " + where + " has " + csv.fieldCount()
                            + " fields, the header " + columns.length);
                }
                if (++rows > maxRows) {
                    throw tooLarge(file.toString(), maxRows);
                }
                for (int c = 0; c < columns.length; c++) {
                    String text = csv.field(c);
                    if (text == null) {
                        columns[c].appendNull();
                    } else if (!converters.get(c).append(text, columns[c])) {
                        throw MuaraException.config("transform lookup: " + where + ": '" + text + "' in column "
                                + fields.get(c).name() + " is not a " + fields.get(c).type());
                    }
                }
            }
            return new Batch(schema, columns, rows);
        }
    }

    private static Batch readJsonLines(Path file, Map<String, ColumnSpec> types, long maxRows) throws IOException {
        MessageBatchBuilder builder = new MessageBatchBuilder(
                new PayloadSettings(PayloadFormat.JSON, types, List.of(), ',', false), List.of(), 1024);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + number;
                builder.add(line.getBytes(StandardCharsets.UTF_8), new Object[0], (reason, original) -> {
                    throw MuaraException.config("transform lookup: " + where + ": " + reason);
                });
                if (builder.rows() > maxRows) {
                    throw tooLarge(file.toString(), maxRows);
                }
            }
        }
        return builder.build();
    }

    private static Schema schema(Path file, List<Field> fields) {
        try {
            return new Schema(fields);
        } catch (IllegalArgumentException e) {
            throw MuaraException.config("transform lookup: the header of " + file + " names a " + e.getMessage());
        }
    }

    private static MuaraException tooLarge(String origin, long maxRows) {
        return MuaraException.config("transform lookup: " + origin + " has more than " + maxRows + " rows")
                .withHint("a lookup is held in memory; raise max_rows if the memory allows, or load the rows as a "
                        + "table and join in the target");
    }
}
