package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10-million-row CSV loads into DuckDB with peak memory (resident set of the whole process, DuckDB included)
 * under 1 GiB: memory stays flat whatever the input size. The file is generated here, zstd-compressed to spare
 * the disk, and never committed.
 */
class TenMillionRowsIT {

    private static final long ROWS = 10_000_000;
    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void a_ten_million_row_csv_loads_with_peak_memory_under_one_gib() throws Exception {
        assumeTrue(Files.getFileStore(dir).getUsableSpace() > 4L << 30, "needs 4 GiB of free disk for the file and the database");
        Path input = dir.resolve("rows.csv.zst");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new ZstdOutputStream(Files.newOutputStream(input), 1), StandardCharsets.UTF_8), 1 << 20)) {
            out.write("id,qty,ratio,amount,code,description,day,at\n");
            LocalDate start = LocalDate.of(2020, 1, 1);
            for (long i = 0; i < ROWS; i++) {
                out.write(Long.toString(i));
                out.write(',');
                if (i % 17 != 0) {
                    out.write(Long.toString(i % 1000));
                }
                out.write(',');
                out.write(Double.toString(i * 0.37));
                out.write(',');
                out.write(Long.toString(i % 100_000 / 100));
                out.write('.');
                out.write(Long.toString(10 + i % 90));
                out.write(",C");
                out.write(Long.toString(i % 5000));
                out.write(',');
                if (i % 23 != 0) {
                    out.write("\"Item ");
                    out.write(Long.toString(i));
                    out.write(", with a comma and a longer text, as descriptions have\"");
                }
                out.write(',');
                out.write(start.plusDays(i % 2000).toString());
                out.write(",2024-0");
                out.write(Long.toString(1 + i % 9));
                out.write("-1");
                out.write(Long.toString(i % 10));
                out.write("T10:20:30+07:00\n");
            }
        }
        Path pipeline = Files.writeString(dir.resolve("big.yaml"), """
                name: big
                source: {type: file, path: rows.csv.zst}
                target: {type: duckdb, path: big.duckdb, table: t}
                """);
        long peak;
        int exit;
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "512m", "run", pipeline.toString())) {
            long highest = 0;
            while (muara.isAlive()) {
                highest = Math.max(highest, muara.peakRssBytes());
                Thread.sleep(50);
            }
            exit = muara.waitFor(600);
            peak = highest;
            assertThat(exit).as(muara.text()).isZero();
            assertThat(muara.text()).contains("10,000,000 rows loaded");
        }
        System.out.printf("peak resident memory loading %,d rows: %,d MiB%n", ROWS, peak >> 20);
        assertThat(peak).isPositive().isLessThan(ONE_GIB);
        assertThat(Duck.count(dir.resolve("big.duckdb"), "SELECT count(*) FROM t")).isEqualTo(ROWS);
        assertThat(Duck.count(dir.resolve("big.duckdb"), "SELECT count(DISTINCT id) FROM t")).isEqualTo(ROWS);
    }
}
