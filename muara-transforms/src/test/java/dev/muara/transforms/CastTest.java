package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static dev.muara.transforms.TransformTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.ColumnSpec;
import dev.muara.testkit.Rows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastTest {

    private final TransformTesting.Context context = new TransformTesting.Context();

    private static Batch text(String... values) {
        List<List<Object>> rows = new ArrayList<>();
        Arrays.stream(values).forEach(v -> rows.add(row(v)));
        return Rows.batch(Schema.of(new Field("v", DataType.STRING)), rows);
    }

    private Batch cast(Batch batch, DataType type, String format) {
        return transform("cast", Map.of("columns", Map.of("v", new ColumnSpec(type, format)))).apply(batch, context);
    }

    @Test
    void text_becomes_numbers_and_a_value_that_is_not_one_sends_its_row_away_with_the_column_and_value() {
        Batch out = cast(text("12.50", null, "abc", "-0.5", "12.345", "12345678901.5"), DataType.decimal(12, 2), null);
        assertThat(out.schema().field(0).type()).isEqualTo(DataType.decimal(12, 2));
        assertThat(Rows.of(out)).extracting(r -> r.get(0)).containsExactly(new BigDecimal("12.50"), null,
                new BigDecimal("-0.50"), new BigDecimal("12.35"));
        assertThat(context.rejects).containsExactly(new TransformTesting.Reject(2, "cast v: 'abc' is not a decimal(12,2)"),
                new TransformTesting.Reject(5, "cast v: '12345678901.5' is not a decimal(12,2)"));
    }

    /** Numbers reach a decimal without their text (faster), to exactly what the text would give. */
    @Test
    void integers_and_decimals_cast_to_a_decimal_round_and_reject_as_their_text_would() {
        Batch decimals = Rows.batch(Schema.of(new Field("v", DataType.decimal(20, 5))), List.of(row(new BigDecimal("12.34500")),
                row(new BigDecimal("-0.00499")), row((Object) null), row(new BigDecimal("123456789012.5")),
                row(new BigDecimal("9999999999.99500"))));
        Batch out = cast(decimals, DataType.decimal(12, 2), null);
        assertThat(Rows.of(out)).extracting(r -> r.get(0)).containsExactly(new BigDecimal("12.35"), new BigDecimal("0.00"),
                null);
        assertThat(context.rejects).containsExactly(
                new TransformTesting.Reject(3, "cast v: '123456789012.50000' is not a decimal(12,2)"),
                new TransformTesting.Reject(4, "cast v: '9999999999.99500' is not a decimal(12,2)"));
        Batch longs = Rows.batch(Schema.of(new Field("v", DataType.INT64)), List.of(row(42L), row(Long.MIN_VALUE)));
        context.rejects.clear();
        assertThat(Rows.of(cast(longs, DataType.decimal(30, 2), null))).extracting(r -> r.get(0))
                .containsExactly(new BigDecimal("42.00"), new BigDecimal("-9223372036854775808.00"));
        assertThat(context.rejects).isEmpty();
    }

    @Test
    void dates_in_a_declared_format_and_every_kind_of_bad_date_rejected() {
        Batch out = cast(text("25/12/2024", "29/02/2024", "29/02/2023", "31/04/2024", "2024-12-25", "", "25/13/2024",
                "yesterday", "٢٥/١٢/٢٠٢٤"), DataType.DATE, "dd/MM/yyyy");
        assertThat(Rows.of(out)).extracting(r -> r.get(0)).containsExactly(LocalDate.of(2024, 12, 25),
                LocalDate.of(2024, 2, 29));
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(context.rejects.get(0).reason()).isEqualTo("cast v: '29/02/2023' is not a date in the format dd/MM/yyyy");
    }

    @Test
    void without_a_format_only_unambiguous_dates_are_read() {
        Batch out = cast(text("2024-12-25", "2024/12/25", "25.12.2024", "12/25/2024"), DataType.DATE, null);
        assertThat(Rows.of(out)).extracting(r -> r.get(0)).containsExactly(LocalDate.of(2024, 12, 25),
                LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 25));
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(3);
    }

    @Test
    void timestamps_with_an_offset_become_instants_and_across_a_daylight_saving_change_stay_exact() {
        // 2024-03-31 02:30 does not exist in Berlin; with offsets given, the instants are unambiguous
        Batch out = cast(text("2024-03-31T01:59:59+01:00", "2024-03-31T03:00:00+02:00", "2024-10-27T02:30:00+02:00",
                "2024-10-27T02:30:00+01:00"), DataType.TIMESTAMP_TZ, null);
        assertThat(Rows.of(out)).extracting(r -> r.get(0)).containsExactly(Instant.parse("2024-03-31T00:59:59Z"),
                Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-10-27T00:30:00Z"),
                Instant.parse("2024-10-27T01:30:00Z"));
    }

    @Test
    void booleans_in_a_declared_pair_of_words() {
        Batch out = cast(text("J", "N", "j", "yes"), DataType.BOOLEAN, "J/N");
        assertThat(Rows.of(out)).extracting(r -> r.get(0)).containsExactly(true, false, true);
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(3);
    }

    @Test
    void numbers_and_dates_become_text_in_their_canonical_form() {
        Schema schema = Schema.of(new Field("v", DataType.DATE), new Field("n", DataType.INT64));
        Batch batch = Rows.batch(schema, List.of(row(LocalDate.of(2024, 1, 2), 7L), row(null, null)));
        Batch out = transform("cast", Map.of("columns", Map.of("v", new ColumnSpec(DataType.STRING, null),
                "n", new ColumnSpec(DataType.STRING, null)))).apply(batch, context);
        assertThat(Rows.of(out)).containsExactly(row("2024-01-02", "7"), row(null, null));
    }

    @Test
    void a_row_with_two_bad_values_is_rejected_once_and_a_long_value_is_quoted_short() {
        Schema schema = Schema.of(new Field("a", DataType.STRING), new Field("b", DataType.STRING));
        String longValue = "x".repeat(10_000);
        Batch batch = Rows.batch(schema, List.of(row("1", "2"), row("no", "nope"), row(longValue, "3")));
        Batch out = transform("cast", Map.of("columns", Map.of("a", new ColumnSpec(DataType.INT64, null),
                "b", new ColumnSpec(DataType.INT64, null)))).apply(batch, context);
        assertThat(Rows.of(out)).containsExactly(row(1L, 2L));
        assertThat(context.rejects).extracting(TransformTesting.Reject::row).containsExactly(1, 2);
        assertThat(context.rejects.get(1).reason()).hasSizeLessThan(120).contains("'" + "x".repeat(60) + "…'");
    }

    @Test
    void a_format_that_does_not_suit_the_type_is_a_configuration_error() {
        assertThatThrownBy(() -> transform("cast", Map.of("columns", Map.of("v", new ColumnSpec(DataType.INT64, "hex")))))
                .hasMessageContaining("option 'columns': column v: int64 takes no format");
    }
}
