package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.core.engine.RunProgress;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void a_bounded_run_shows_a_bar_rows_bytes_rate_and_eta() {
        String line = ProgressReporter.line(new RunProgress(1_500_000, 1_000_000, 3, 50L << 20, 200L << 20, 1, 4, 2000));
        assertThat(line).isEqualTo("[======                  ]  25% 1,500,000 rows, 50.0 MB, 750,000 rows/s, 1/4 splits, 3 rejected, ETA 6.0 s");
    }

    @Test
    void a_stream_of_unknown_size_shows_no_bar_and_no_eta() {
        String line = ProgressReporter.line(new RunProgress(42, 40, 0, 0, -1, 0, 1, 1000));
        assertThat(line).isEqualTo("42 rows, 42 rows/s, 0/1 splits");
    }
}
