package dev.muara.bench.micro;

import dev.muara.connector.duckdb.AppenderProbe;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Muara's DuckDB target appending the flat rows' batches through the Appender into an in-memory database and
 * committing; the table is dropped before each operation (outside the timing), so every one starts empty.
 */
public class DuckDbAppendBenchmark extends RowsPerSecond {

    private AppenderProbe probe;

    @Setup
    public void open() throws SQLException {
        probe = new AppenderProbe();
    }

    // per operation: one operation is 100,000 rows, long enough that JMH's timing around the drop does not matter
    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        probe.reset();
    }

    @Benchmark
    public void muara(FlatBatches rows) throws SQLException {
        probe.append(rows.batches());
    }

    @TearDown
    public void checkAndClose() throws SQLException {
        try (AppenderProbe open = probe) {
            FlatRows.checkRows("the DuckDB append", open.rows());
        }
    }
}
