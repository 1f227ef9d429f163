package dev.muara.transforms.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import org.junit.jupiter.api.Test;

/** Which expressions run without counting their cost: those whose work cannot outgrow their own size. */
class CostCountingTest {

    private static final Schema SCHEMA = Schema.of(new Field("id", DataType.INT64), new Field("amount", DataType.FLOAT64),
            new Field("status", DataType.STRING), new Field("tags", DataType.JSON));

    private static boolean uncounted(String expression) {
        return ExpressionLanguage.compile("test", expression, SCHEMA).boundedBySize();
    }

    @Test
    void numbers_comparisons_and_reading_text_need_no_counting() {
        assertThat(uncounted("id % 10")).isTrue();
        assertThat(uncounted("id > 0 && amount * 2.0 < 100.0")).isTrue();
        assertThat(uncounted("status != 'cancelled' && size(status) < 10")).isTrue();
        assertThat(uncounted("status.matches('^a+$')")).isTrue();
    }

    @Test
    void loops_and_steps_that_make_text_lists_or_maps_are_counted() {
        assertThat(uncounted("[1, 2, 3].all(x, x > 0)")).isFalse();
        assertThat(uncounted("status + status + status")).isFalse();
        assertThat(uncounted("status.upperAscii() == 'A'")).isFalse();
        assertThat(uncounted("size([id, id]) == 2")).isFalse();
        assertThat(uncounted("row['status'] == 'a'")).isFalse();
    }
}
