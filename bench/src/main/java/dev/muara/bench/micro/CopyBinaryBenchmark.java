package dev.muara.bench.micro;

import dev.muara.connector.jdbc.CopyBinaryProbe;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Muara's PostgreSQL loader encoding the flat rows' batches in the binary COPY format, into a COPY that only counts
 * bytes: the encoding without the server.
 */
public class CopyBinaryBenchmark extends RowsPerSecond {

    private final CopyBinaryProbe probe = new CopyBinaryProbe(FlatRows.NAMES, FlatRows.POSTGRES_TYPES,
            FlatRows.TYPES);
    private long bytes;

    @Benchmark
    public void muara(FlatBatches rows) throws SQLException {
        bytes = probe.encode(rows.batches());
    }

    @TearDown
    public void checkBytes() {
        if (bytes < (long) FlatRows.ROWS * FlatRows.NAMES.size() * 4) {
            throw new IllegalStateException("the COPY stream (" + bytes + " bytes) is shorter than the rows' field "
                    + "headers alone");
        }
    }
}
