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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTransformsTest {

    private static final Schema SCHEMA = Schema.of(new Field("city", DataType.STRING), new Field("code", DataType.STRING),
            new Field("n", DataType.INT32));

    private final TransformTesting.Context context = new TransformTesting.Context();

    private static Batch cities(String... cities) {
        return Rows.batch(SCHEMA, java.util.Arrays.stream(cities).map(c -> row(c, " a ", 1)).toList());
    }

    private static List<Object> firstColumn(Batch batch) {
        return Rows.of(batch).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void trim_strips_unicode_white_space_tabs_and_line_breaks_from_every_text_column_by_default() {
        Batch out = transform("trim", Map.of()).apply(cities("  Jakarta\t", "\u2003Bandung\n", "", "   ", null), context);
        assertThat(firstColumn(out)).containsExactly("Jakarta", "Bandung", "", "", null);
        assertThat(Rows.of(out).get(0)).containsExactly("Jakarta", "a", 1);
    }

    @Test
    void case_changes_do_not_depend_on_the_machine_language() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            Batch lower = transform("lower", Map.of("columns", List.of("city"))).apply(cities("ISTANBUL", "Ärzte"), context);
            assertThat(firstColumn(lower)).containsExactly("istanbul", "ärzte");
            Batch upper = transform("upper", Map.of("columns", List.of("city"))).apply(cities("istanbul", "straße"), context);
            assertThat(firstColumn(upper)).containsExactly("ISTANBUL", "STRASSE");
            assertThat(Rows.of(upper).get(0).get(1)).isEqualTo(" a ");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void replace_rewrites_every_match_with_groups() {
        Batch batch = cities("+62 (21) 555-0100", "021.555.0101", "", null);
        Batch out = transform("replace", Map.of("columns", List.of("city"), "pattern", "[^0-9+]", "replacement", ""))
                .apply(batch, context);
        assertThat(firstColumn(out)).containsExactly("+62215550100", "0215550101", "", null);
        Batch swapped = transform("replace", Map.of("columns", List.of("city"), "pattern", "(\\w+)@(\\w+)",
                "replacement", "$2 at $1")).apply(cities("ayu@host", "no match"), context);
        assertThat(firstColumn(swapped)).containsExactly("host at ayu", "no match");
    }

    @Test
    void a_replacement_naming_a_group_the_pattern_lacks_fails_before_any_data() {
        assertThatThrownBy(() -> transform("replace", Map.of("pattern", "(a)", "replacement", "$2")))
                .hasMessageContaining("option 'replacement': $2 refers to no group: the pattern has 1");
        assertThatThrownBy(() -> transform("replace", Map.of("pattern", "(a", "replacement", "")))
                .hasMessageContaining("option 'pattern': not a regular expression");
    }

    @Test
    void a_text_transform_on_a_column_that_is_not_text_fails_before_any_data() {
        assertThatThrownBy(() -> transform("upper", Map.of("columns", List.of("n"))).outputSchema(SCHEMA))
                .hasMessage("transform upper: column 'n' is int32, not text");
    }
}
