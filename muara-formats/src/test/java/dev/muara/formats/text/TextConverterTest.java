package dev.muara.formats.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TextConverterTest {

    private static Object convert(DataType type, String format, String text) {
        Column column = new Column(type, 1);
        return TextConverter.of(type, format).append(text, column) ? column.getObject(0) : "rejected";
    }

    @Test
    void a_date_pattern_refuses_days_that_do_not_exist_instead_of_moving_them() {
        assertThat(convert(DataType.DATE, "dd/MM/yyyy", "29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(convert(DataType.DATE, "dd/MM/yyyy", "29/02/2023")).isEqualTo("rejected");
        assertThat(convert(DataType.DATE, "dd/MM/yyyy", "31/04/2024")).isEqualTo("rejected");
        assertThat(convert(DataType.DATE, "d.M.yy", "5.1.24")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(convert(DataType.TIMESTAMP, "yyyy-MM-dd HH:mm", "2024-02-30 10:00")).isEqualTo("rejected");
        assertThat(convert(DataType.TIMESTAMP, "'year' yyyy, dd/MM HH:mm", "year 2024, 01/02 10:00"))
                .isEqualTo(LocalDateTime.of(2024, 2, 1, 10, 0));
    }

    @Test
    void boolean_words_match_in_any_case() {
        assertThat(convert(DataType.BOOLEAN, "J/N", "j")).isEqualTo(true);
        assertThat(convert(DataType.BOOLEAN, "J/N", "N")).isEqualTo(false);
        assertThat(convert(DataType.BOOLEAN, "J/N", "yes")).isEqualTo("rejected");
    }
}
