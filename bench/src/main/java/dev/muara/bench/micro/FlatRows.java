package dev.muara.bench.micro;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.bench.DataGenerator;
import dev.muara.formats.csv.CsvDialect;
import dev.muara.formats.csv.CsvParser;
import dev.muara.formats.text.TextConverter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The microbenchmarks' input, made in memory from the suite's seeded generator: {@value #ROWS} rows of the flat
 * columns as CSV, the same rows as NDJSON, as text values per column, and as Muara batches.
 */
final class FlatRows {

    /** Rows every benchmark operation handles; the figures are rows per second. */
    static final int ROWS = 100_000;

    /** Rows per batch, Muara's default {@code batch_rows}. */
    static final int BATCH_ROWS = 8192;

    static final List<String> NAMES = List.of("id", "qty", "price", "amount", "code", "note", "day", "ts");

    /** The columns' types in the suite's PostgreSQL table ({@code DataGenerator.FLAT_COLUMNS_SQL}). */
    static final List<String> POSTGRES_TYPES = List.of("int8", "int4", "float8", "numeric", "text", "text", "date",
            "timestamptz");

    /** The same types in Muara's terms. */
    static final List<DataType> TYPES = List.of(DataType.INT64, DataType.INT32, DataType.FLOAT64,
            DataType.decimal(12, 2), DataType.STRING, DataType.STRING, DataType.DATE, DataType.TIMESTAMP_TZ);

    private FlatRows() {
    }

    /** The flat CSV file of the suite, header included. */
    static byte[] csv() {
        return DataGenerator.flatCsv(ROWS);
    }

    /** Each column's values as text, null where the field is empty: {@code values[column][row]}. */
    static String[][] values(byte[] csv) {
        String[][] values = new String[NAMES.size()][ROWS];
        try (CsvParser parser = parser(csv)) {
            for (int row = 0; parser.next(); row++) {
                for (int c = 0; c < values.length; c++) {
                    values[c][row] = parser.field(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /**
     * The rows as NDJSON, one object a line: numbers as JSON numbers, text, dates and timestamps as strings, an
     * empty field as null.
     */
    static byte[] ndjson(byte[] csv) {
        String[][] values = values(csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream(csv.length * 2);
        JsonFactory json = new JsonFactory();
        for (int row = 0; row < ROWS; row++) {
            try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out)) {
                generator.writeStartObject();
                for (int c = 0; c < values.length; c++) {
                    String value = values[c][row];
                    generator.writeName(NAMES.get(c));
                    if (value == null) {
                        generator.writeNull();
                    } else if (TYPES.get(c).isNumeric()) {
                        generator.writeNumber(value);
                    } else {
                        generator.writeString(value);
                    }
                }
                generator.writeEndObject();
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The rows as Muara batches of {@link #BATCH_ROWS}, with the suite table's types. */
    static List<Batch> batches(byte[] csv) throws IOException {
        TextConverter[] converters = new TextConverter[TYPES.size()];
        for (int c = 0; c < converters.length; c++) {
            converters[c] = TextConverter.of(TYPES.get(c), null);
        }
        return readBatches(csv, converters);
    }

    /**
     * Reads the CSV into batches as Muara's CSV reader does: each field parsed, then converted to its column's type.
     */
    static List<Batch> readBatches(byte[] csv, TextConverter[] converters) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < converters.length; c++) {
            fields.add(new Field(NAMES.get(c), converters[c].type()));
        }
        Schema schema = new Schema(fields);
        List<Batch> batches = new ArrayList<>();
        try (CsvParser parser = parser(csv)) {
            boolean more = true;
            while (more) {
                Column[] columns = new Column[converters.length];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = new Column(converters[c].type(), BATCH_ROWS);
                }
                int rows = 0;
                while (rows < BATCH_ROWS && (more = parser.next())) {
                    for (int c = 0; c < columns.length; c++) {
                        String text = parser.field(c);
                        if (text == null) {
                            columns[c].appendNull();
                        } else if (!converters[c].append(text, columns[c])) {
                            throw new IllegalStateException("'" + text + "' is not a " + converters[c].type());
                        }
                    }
                    rows++;
                }
                if (rows > 0) {
                    batches.add(new Batch(schema, columns, rows));
                }
            }
        }
        return batches;
    }

    /** A parser over the CSV, past its header. */
    static CsvParser parser(byte[] csv) throws IOException {
        CsvParser parser = new CsvParser(new ByteArrayInputStream(csv), CsvDialect.RFC4180);
        if (!parser.next()) {
            throw new IllegalStateException("the CSV has no header");
        }
        return parser;
    }

    /** Fails unless {@code rows} is {@link #ROWS}: a benchmark that skipped rows would look faster than it is. */
    static void checkRows(String what, long rows) {
        if (rows != ROWS) {
            throw new IllegalStateException(what + " handled " + rows + " rows, not " + ROWS);
        }
    }
}
