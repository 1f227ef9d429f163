package dev.muara.bench.micro;

import dev.muara.formats.io.LineReader;
import dev.muara.formats.json.JsonBatchBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * NDJSON parsing of the flat rows held in memory: Muara's NDJSON path (lines split by {@link LineReader}, a parser
 * per line, values into typed columns by {@link JsonBatchBuilder}, dates and timestamps recognised) against
 * Jackson's streaming parser reading the same bytes as one stream of objects, each value read as a Java value.
 */
public class JsonParsingBenchmark extends RowsPerSecond {

    private static final JsonFactory JSON = new JsonFactory();

    private byte[] ndjson;
    private long rows;

    @Setup
    public void setUp() {
        ndjson = FlatRows.ndjson(FlatRows.csv());
    }

    @Benchmark
    public void muara(Blackhole blackhole) throws IOException {
        JsonBatchBuilder builder = new JsonBatchBuilder(false, Map.of(), FlatRows.BATCH_ROWS);
        long n = 0;
        try (LineReader lines = new LineReader(new ByteArrayInputStream(ndjson), 1 << 20, 0, 1)) {
            while (lines.next()) {
                try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), lines.buffer(),
                        lines.lineStart(), lines.lineLength())) {
                    parser.nextToken();
                    builder.addObject(parser);
                }
                if (builder.rows() == FlatRows.BATCH_ROWS) {
                    n += builder.rows();
                    blackhole.consume(builder.build());
                }
            }
        }
        n += builder.rows();
        blackhole.consume(builder.build());
        rows = n;
    }

    @Benchmark
    public void jackson(Blackhole blackhole) {
        long n = 0;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), ndjson)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case VALUE_NUMBER_INT -> blackhole.consume(parser.getLongValue());
                    case VALUE_NUMBER_FLOAT -> blackhole.consume(parser.getDoubleValue());
                    case VALUE_STRING -> blackhole.consume(parser.getString());
                    case END_OBJECT -> n++;
                    default -> {
                        // names, nulls and the start of objects carry no value to read
                    }
                }
            }
        }
        rows = n;
    }

    @TearDown
    public void checkRows() {
        FlatRows.checkRows("NDJSON parsing", rows);
    }
}
