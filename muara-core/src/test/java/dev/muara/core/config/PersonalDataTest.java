package dev.muara.core.config;

import static dev.muara.testkit.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.source.RejectedRecord;
import dev.muara.testkit.Rows;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static final Schema SCHEMA = Schema.of(new Field("id", DataType.INT32), new Field("email", DataType.STRING),
            new Field("amount", DataType.STRING));
    private static final Batch ROWS = Rows.batch(SCHEMA, List.of(row(1, "siti@example.com", "abc"),
            row(2, null, "x")));

    private final PersonalData personal = new PersonalData(List.of("email", "phone"), Set.of("phone"));

    @Test
    void a_rejected_row_keeps_its_other_columns_and_hides_personal_data() {
        RejectedRecord record = personal.fromTransform("a.csv", "cast amount: 'abc' is not a decimal(12,2)", ROWS, 0);
        assertThat(record.original()).isEqualTo("{\"id\": 1, \"email\": \"[pii]\", \"amount\": \"abc\"}");
        assertThat(record.reason()).isEqualTo("cast amount: 'abc' is not a decimal(12,2)");
        assertThat(personal.fromTransform("a.csv", "r", ROWS, 1).original()).contains("\"email\": null");
    }

    @Test
    void a_reason_that_names_a_personal_data_column_or_quotes_its_value_keeps_only_its_head() {
        assertThat(personal.fromTransform("a.csv", "cast email: 'siti@example.com' is not an int64", ROWS, 0).reason())
                .isEqualTo("cast email: [pii] (the reason is withheld: it may quote personal data)");
        assertThat(personal.fromTransform("a.csv", "rule x: siti@example.com is unknown", ROWS, 0).reason())
                .isEqualTo("rule x: [pii] (the reason is withheld: it may quote personal data)");
        assertThat(personal.fromTransform("a.csv", "siti@example.com: bad", ROWS, 0).reason())
                .isEqualTo("rejected by a transform: [pii]");
    }

    @Test
    void a_record_the_source_could_not_read_keeps_only_its_location_when_personal_data_is_marked() {
        RejectedRecord raw = new RejectedRecord("a.csv:5", "expected 3 fields, found 4", "4,siti@example.com,1,2");
        RejectedRecord kept = personal.fromSource(raw);
        assertThat(kept.location()).isEqualTo("a.csv:5");
        assertThat(kept.original()).isNull();
        assertThat(kept.reason()).startsWith("withheld:");
        assertThat(new PersonalData(List.of(), Set.of()).fromSource(raw)).isSameAs(raw);
    }

    @Test
    void only_marked_columns_no_transform_protects_are_unprotected() {
        assertThat(personal.unprotected()).containsExactly("email");
        assertThat(personal.hides("email")).isTrue();
        assertThat(personal.hides("phone")).isFalse();
        assertThat(personal.hides("id")).isFalse();
    }
}
