package dev.muara.bench.micro;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.muara.api.data.Batch;
import dev.muara.formats.csv.CsvParser;
import dev.muara.formats.text.TextConverter;
import dev.muara.formats.text.TypeInference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV parsing of the suite's flat rows held in memory: Muara's {@link CsvParser} and FastCSV turning the same bytes
 * into text fields, and Muara's reading path on to typed batches (fields converted by the types inference found).
 */
public class CsvParsingBenchmark extends RowsPerSecond {

    private byte[] csv;
    private TextConverter[] inferred;
    private long rows;

    @Setup
    public void setUp() {
        csv = FlatRows.csv();
        String[][] values = FlatRows.values(csv);
        inferred = new TextConverter[values.length];
        for (int c = 0; c < values.length; c++) {
            TypeInference inference = new TypeInference();
            for (String value : values[c]) {
                if (value != null) {
                    inference.observe(value);
                }
            }
            inferred[c] = inference.result();
        }
    }

    @Benchmark
    public void muaraFields(Blackhole blackhole) throws IOException {
        long n = 0;
        try (CsvParser parser = FlatRows.parser(csv)) {
            while (parser.next()) {
                for (int i = 0, count = parser.fieldCount(); i < count; i++) {
                    blackhole.consume(parser.field(i));
                }
                n++;
            }
        }
        rows = n;
    }

    @Benchmark
    public void fastCsvFields(Blackhole blackhole) throws IOException {
        long n = -1;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new ByteArrayInputStream(csv),
                StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                for (int i = 0, count = record.getFieldCount(); i < count; i++) {
                    blackhole.consume(record.getField(i));
                }
                n++;
            }
        }
        rows = n;
    }

    @Benchmark
    public void muaraBatches(Blackhole blackhole) throws IOException {
        long n = 0;
        for (Batch batch : FlatRows.readBatches(csv, inferred)) {
            blackhole.consume(batch);
            n += batch.rowCount();
        }
        rows = n;
    }

    @TearDown
    public void checkRows() {
        FlatRows.checkRows("CSV parsing", rows);
    }
}
