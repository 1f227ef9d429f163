package dev.muara.formats.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    private static DataType infer(String... values) {
        TypeInference inference = new TypeInference();
        for (String v : values) {
            inference.observe(v);
        }
        return inference.result().type();
    }

    @Test
    void numbers_infer_the_narrowest_type() {
        assertThat(infer("1", "-20", "+3")).isEqualTo(DataType.INT32);
        assertThat(infer("1", "3000000000")).isEqualTo(DataType.INT64);
        assertThat(infer("1.5", "20.25")).isEqualTo(DataType.decimal(18, 2));
        assertThat(infer("12345678901234567890123")).isEqualTo(DataType.decimal(38, 0));
        assertThat(infer("1e3", "2.5")).isEqualTo(DataType.FLOAT64);
    }

    @Test
    void codes_with_leading_zeros_stay_strings() {
        assertThat(infer("007", "123")).isEqualTo(DataType.STRING);
        assertThat(infer("0", "0.5")).isEqualTo(DataType.decimal(18, 1));
    }

    @Test
    void dates_and_timestamps_in_common_layouts() {
        assertThat(infer("2024-01-31", "2023-12-01")).isEqualTo(DataType.DATE);
        assertThat(infer("31.01.2024")).isEqualTo(DataType.DATE);
        assertThat(infer("2024-01-31T10:15:00", "2024-01-31 10:15")).isEqualTo(DataType.TIMESTAMP);
        assertThat(infer("2024-01-31T10:15:00Z", "2024-01-31T10:15:00+07:00")).isEqualTo(DataType.TIMESTAMP_TZ);
        assertThat(infer("2024-01-31T10:15:00Z", "2024-01-31T10:15:00")).isEqualTo(DataType.STRING);
        assertThat(infer("10:15", "23:59:59.5")).isEqualTo(DataType.TIME);
        assertThat(infer("2024-02-30")).isEqualTo(DataType.STRING);
    }

    @Test
    void an_ambiguous_day_month_order_is_settled_by_the_sample() {
        TypeInference us = new TypeInference();
        us.observe("03/04/2024");
        Column c = new Column(DataType.DATE, 1);
        us.result().append("03/04/2024", c);
        assertThat(c.getObject(0)).isEqualTo(LocalDate.of(2024, 3, 4));

        TypeInference european = new TypeInference();
        european.observe("03/04/2024");
        european.observe("25/12/2024");
        Column e = new Column(DataType.DATE, 1);
        european.result().append("03/04/2024", e);
        assertThat(e.getObject(0)).isEqualTo(LocalDate.of(2024, 4, 3));
    }

    @Test
    void booleans_and_strings() {
        assertThat(infer("true", "FALSE")).isEqualTo(DataType.BOOLEAN);
        assertThat(infer("yes", "no")).isEqualTo(DataType.STRING);
        assertThat(infer()).isEqualTo(DataType.STRING);
        assertThat(infer("", "x")).isEqualTo(DataType.STRING);
    }

    @Test
    void widening_follows_int32_int64_decimal_float64_string() {
        TextConverter t = TypeInference.of("1");
        assertThat(t.type()).isEqualTo(DataType.INT32);
        t = TypeInference.widen(t, TypeInference.of("3000000000"));
        assertThat(t.type()).isEqualTo(DataType.INT64);
        t = TypeInference.widen(t, TypeInference.of("2.5"));
        assertThat(t.type()).isEqualTo(DataType.decimal(20, 1));
        t = TypeInference.widen(t, TypeInference.of("1e300"));
        assertThat(t.type()).isEqualTo(DataType.FLOAT64);
        t = TypeInference.widen(t, TypeInference.of("n/a"));
        assertThat(t.type()).isEqualTo(DataType.STRING);
    }

    @Test
    void converters_parse_every_kind() {
        assertThat(convert(DataType.decimal(12, 2), "1234.565")).isEqualTo(new BigDecimal("1234.57"));
        assertThat(convert(DataType.decimal(4, 2), "123.4")).isNull();
        assertThat(convert(DataType.INT32, "3000000000")).isNull();
        assertThat(convert(DataType.FLOAT64, "-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(convert(DataType.BOOLEAN, "Yes")).isEqualTo(true);
        assertThat(convert(DataType.TIME, "23:59:59.123456789")).isEqualTo(LocalTime.of(23, 59, 59, 123_456_000));
        assertThat(convert(DataType.TIMESTAMP_TZ, "2024-03-31T02:30:00+02:00"))
                .isEqualTo(Instant.parse("2024-03-31T00:30:00Z"));
        assertThat(convert(DataType.TIMESTAMP, "2024-03-31")).isEqualTo(LocalDateTime.of(2024, 3, 31, 0, 0));
        assertThat(convert(DataType.JSON, "{\"a\": [1, 2]}")).isEqualTo("{\"a\": [1, 2]}");
        assertThat(convert(DataType.JSON, "{\"a\": ")).isNull();
        assertThat((byte[]) convert(DataType.BINARY, "AQID")).containsExactly(1, 2, 3);
    }

    @Test
    void formats_from_configuration() {
        Column c = new Column(DataType.DATE, 1);
        assertThat(TextConverter.of(DataType.DATE, "dd/MM/yyyy").append("31/12/2024", c)).isTrue();
        assertThat(c.getObject(0)).isEqualTo(LocalDate.of(2024, 12, 31));
        Column b = new Column(DataType.BOOLEAN, 1);
        assertThat(TextConverter.of(DataType.BOOLEAN, "J/N").append("J", b)).isTrue();
        assertThat(TextConverter.of(DataType.BOOLEAN, "J/N").append("yes", b)).isFalse();
    }

    private static Object convert(DataType type, String text) {
        Column column = new Column(type, 1);
        return TextConverter.of(type, null).append(text, column) ? column.getObject(0) : null;
    }
}
