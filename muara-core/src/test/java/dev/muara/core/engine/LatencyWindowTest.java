package dev.muara.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    @Test
    void percentiles_are_within_five_percent_above_the_true_value() {
        LatencyWindow window = new LatencyWindow(30_000);
        for (int ms = 1; ms <= 1000; ms++) {
            window.record(ms, 1_000);
        }
        assertThat(window.percentile(0.5, 1_000)).isBetween(500L, 525L);
        assertThat(window.percentile(0.99, 1_000)).isBetween(990L, 1040L);
        assertThat(window.percentile(1.0, 1_000)).isBetween(1000L, 1050L);
    }

    @Test
    void old_latencies_leave_the_window_and_an_empty_window_says_unknown() {
        LatencyWindow window = new LatencyWindow(30_000);
        assertThat(window.percentile(0.5, 0)).isEqualTo(-1);
        window.record(5_000, 1_000);
        assertThat(window.percentile(0.5, 40_000)).isBetween(5_000L, 5_250L);
        window.record(10, 40_000);
        assertThat(window.percentile(0.99, 40_000)).isBetween(5_000L, 5_250L);
        // two halves later, only the recent one is left
        assertThat(window.percentile(0.99, 70_000)).isEqualTo(10);
        assertThat(window.percentile(0.5, 200_000)).isEqualTo(-1);
    }

    @Test
    void every_bucket_bound_holds_the_latencies_mapped_to_it() {
        for (long ms = 0; ms < 100_000; ms += 7) {
            assertThat(LatencyWindow.upperBound(LatencyWindow.bucket(ms))).isGreaterThanOrEqualTo(ms);
        }
    }
}
