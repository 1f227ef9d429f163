package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.core.engine.RunProgress;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void a_bounded_run_shows_a_bar_rows_bytes_rate_and_eta() {
        String line = ProgressReporter.line(new RunProgress(1_500_000, 1_000_000, 3, 50L << 20, 200L << 20, 1, 4, 2000, false, -1, -1, -1));
        assertThat(line).isEqualTo("[======                  ]  25% 1,500,000 rows, 50.0 MB, 750,000 rows/s, 1/4 splits, 3 rejected, ETA 6.0 s");
    }

    @Test
    void a_table_of_unknown_size_shows_no_bar_and_no_eta() {
        String line = ProgressReporter.line(new RunProgress(42, 40, 0, 0, -1, 0, 1, 1000, false, -1, -1, -1));
        assertThat(line).isEqualTo("42 rows, 42 rows/s, 0/1 splits");
    }

    @Test
    void a_stream_shows_rows_loaded_its_recent_rate_latency_and_lag() {
        RunProgress p = new RunProgress(120_000, 118_000, 2, 0, -1, 0, 4, 60_000, true, 180, 1_250, 3_400);
        assertThat(ProgressReporter.streamLine(p, 2_000.4))
                .isEqualTo("118,000 rows loaded, 2,000 rows/s, latency p50 180 ms p99 1.3 s, lag 3,400, 2 rejected");
        RunProgress quiet = new RunProgress(0, 0, 0, 0, -1, 0, 1, 5_000, true, -1, -1, -1);
        assertThat(ProgressReporter.streamLine(quiet, 0)).isEqualTo("0 rows loaded, 0 rows/s");
    }
}
