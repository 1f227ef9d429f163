package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static dev.muara.transforms.TransformTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.testkit.Rows;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimestampTest {

    private final TransformTesting.Context context = new TransformTesting.Context();

    private static Batch text(String... values) {
        return Rows.batch(Schema.of(new Field("at", DataType.STRING)), Arrays.stream(values).map(v -> row(v)).toList());
    }

    private List<Object> normalise(Batch batch, Object... options) {
        Map<String, Object> map = new HashMap<>(Map.of("columns", List.of("at")));
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        return Rows.of(transform("timestamp", map).apply(batch, context)).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void local_times_of_a_zone_become_utc_instants_and_values_with_an_offset_keep_theirs() {
        assertThat(normalise(text("2024-06-01 08:00:00", "2024-06-01T08:00:00+09:00", "2024-06-01", null),
                "zone", "Asia/Jakarta")).containsExactly(Instant.parse("2024-06-01T01:00:00Z"),
                Instant.parse("2024-05-31T23:00:00Z"), Instant.parse("2024-05-31T17:00:00Z"), null);
    }

    @Test
    void a_format_reads_local_text_and_a_bad_value_is_rejected_with_the_format() {
        assertThat(normalise(text("01/06/2024 08:00", "31/06/2024 08:00", "2024-06-01 08:00"), "zone", "+07:00",
                "format", "dd/MM/yyyy HH:mm")).containsExactly(Instant.parse("2024-06-01T01:00:00Z"));
        assertThat(context.rejects).extracting(TransformTesting.Reject::reason).containsExactly(
                "timestamp at: '31/06/2024 08:00' is not a timestamp in the format dd/MM/yyyy HH:mm",
                "timestamp at: '2024-06-01 08:00' is not a timestamp in the format dd/MM/yyyy HH:mm");
    }

    @Test
    void the_hour_that_happens_twice_when_clocks_go_back_is_resolved_as_asked() {
        Batch overlap = text("2024-10-27 02:30:00");
        assertThat(normalise(overlap, "zone", "Europe/Berlin")).containsExactly(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(normalise(overlap, "zone", "Europe/Berlin", "ambiguous", "later"))
                .containsExactly(Instant.parse("2024-10-27T01:30:00Z"));
        assertThat(normalise(overlap, "zone", "Europe/Berlin", "ambiguous", "reject")).isEmpty();
        assertThat(context.rejects.get(0).reason())
                .isEqualTo("timestamp at: 2024-10-27T02:30 happens twice in Europe/Berlin (the clocks go back)");
    }

    @Test
    void the_hour_that_never_happens_when_clocks_jump_forward_is_shifted_or_rejected() {
        Batch gap = text("2024-03-31 02:30:00");
        assertThat(normalise(gap, "zone", "Europe/Berlin")).containsExactly(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(normalise(gap, "zone", "Europe/Berlin", "nonexistent", "reject")).isEmpty();
        assertThat(context.rejects.get(0).reason())
                .isEqualTo("timestamp at: 2024-03-31T02:30 does not exist in Europe/Berlin (the clocks jump forward)");
    }

    @Test
    void instants_can_be_written_as_the_wall_clock_time_of_another_zone() {
        Schema schema = Schema.of(new Field("at", DataType.TIMESTAMP_TZ));
        Batch batch = Rows.batch(schema, List.of(row(Instant.parse("2024-01-01T00:30:00Z"))));
        var transform = transform("timestamp", Map.of("columns", List.of("at"), "to", "America/New_York"));
        assertThat(transform.outputSchema(schema).field(0).type()).isEqualTo(DataType.TIMESTAMP);
        assertThat(Rows.of(transform.apply(batch, context))).containsExactly(row(LocalDateTime.of(2023, 12, 31, 19, 30)));
    }

    @Test
    void an_unknown_zone_and_a_column_that_holds_no_time_fail_before_any_data() {
        assertThatThrownBy(() -> transform("timestamp", Map.of("columns", List.of("at"), "zone", "Jakarta")))
                .hasMessageContaining("option 'zone': 'Jakarta' is not a time zone");
        Schema numbers = Schema.of(new Field("at", DataType.INT64));
        assertThatThrownBy(() -> transform("timestamp", Map.of("columns", List.of("at"))).outputSchema(numbers))
                .hasMessage("transform timestamp: column 'at' is int64, not a timestamp, date or text");
    }
}
