package dev.muara.transforms;

import static dev.muara.testkit.Rows.row;
import static dev.muara.transforms.TransformTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.Secret;
import dev.muara.api.transform.Transform;
import dev.muara.testkit.Rows;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiTransformsTest {

    private static final Schema SCHEMA = Schema.of(new Field("value", DataType.STRING), new Field("n", DataType.INT64));
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String LONG = "x".repeat(100_000) + "1234";

    private final TransformTesting.Context context = new TransformTesting.Context();

    private static Batch values(String... values) {
        return Rows.batch(SCHEMA, Arrays.stream(values).map(v -> row(v, 6281234567L)).toList());
    }

    private List<Object> apply(Transform transform, String... values) {
        return Rows.of(transform.apply(values(values), context)).stream().map(r -> r.get(0)).toList();
    }

    private static Transform hash(String key, Map<String, Object> more) {
        Map<String, Object> options = new java.util.HashMap<>(Map.of("columns", List.of("value"), "key", new Secret(key)));
        options.putAll(more);
        return transform("hash", options);
    }

    @Test
    void mask_keeps_the_last_characters_counting_code_points_not_chars() {
        Transform mask = transform("mask", Map.of("columns", List.of("value"), "keep_last", 4L));
        assertThat(apply(mask, "08005551234", "😀😀😀😀😀1234", "ñandú-5678", "", null, "123", "1234"))
                .containsExactly("*******1234", "*****1234", "******5678", "", null, "***", "****");
        assertThat(apply(mask, LONG)).containsExactly("*".repeat(100_000) + "1234");
    }

    @Test
    void mask_with_another_character_and_nothing_kept_hides_every_character() {
        Transform mask = transform("mask", Map.of("columns", List.of("value"), "char", "#"));
        assertThat(apply(mask, "Siti Rahayu", "日本語")).containsExactly("###########", "###");
    }

    @Test
    void mask_of_a_number_column_gives_text() {
        Transform mask = transform("mask", Map.of("columns", List.of("n"), "keep_last", 3L));
        Batch out = mask.apply(values("a"), context);
        assertThat(out.schema().field(1).type()).isEqualTo(DataType.STRING);
        assertThat(Rows.of(out).get(0)).containsExactly("a", "*******567");
    }

    @Test
    void mask_email_hides_the_local_part_and_its_length_and_keeps_the_domain() {
        Transform mask = transform("mask", Map.of("columns", List.of("value"), "pattern", "email"));
        assertThat(apply(mask, "alice@example.com", "a.very.long.name@example.com", "ab@x.id", "@x.id", "ñoño@correo.es",
                "not an address", "", null))
                .containsExactly("a***@example.com", "a***@example.com", "***@x.id", "***@x.id", "ñ***@correo.es",
                        "**************", "", null);
    }

    @Test
    void mask_refuses_a_mask_of_several_characters_and_keep_last_with_the_email_pattern() {
        assertThatThrownBy(() -> transform("mask", Map.of("columns", List.of("value"), "char", "**")))
                .hasMessageContaining("option 'char': expected one character");
        assertThatThrownBy(() -> transform("mask", Map.of("columns", List.of("value"), "pattern", "email", "keep_last", 2L)))
                .hasMessageContaining("option 'keep_last': does not apply to pattern: email");
    }

    @Test
    void hash_gives_the_same_token_for_the_same_value_and_key_in_separate_runs() {
        List<Object> first = apply(hash(KEY, Map.of()), "alice@example.com", "Ayu Lestari 😀", "", LONG, null);
        List<Object> second = apply(hash(KEY, Map.of()), "alice@example.com", "Ayu Lestari 😀", "", LONG, null);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(1)).asString().hasSize(64).matches("[0-9a-f]+");
        assertThat(first.get(4)).isNull();
        assertThat(first.subList(0, 4)).doesNotHaveDuplicates();
    }

    @Test
    void hash_is_hmac_sha256_of_the_utf8_text_as_rfc_4231_gives_it() {
        // RFC 4231, test case 2 with the key of test case 1 (20 bytes of 0x0b) and data "Hi There"
        assertThat(apply(hash("\u000b".repeat(20), Map.of()), "Hi There"))
                .containsExactly("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void hash_with_another_key_gives_other_tokens() {
        List<Object> one = apply(hash(KEY, Map.of()), "alice@example.com", "");
        List<Object> other = apply(hash(KEY.replace('0', 'z'), Map.of()), "alice@example.com", "");
        assertThat(other.get(0)).isNotEqualTo(one.get(0));
        assertThat(other.get(1)).isNotEqualTo(one.get(1));
    }

    @Test
    void hash_normalizes_only_when_asked_and_writes_base64_when_asked() {
        assertThat(apply(hash(KEY, Map.of()), " A@X.com ", "a@x.com")).doesNotHaveDuplicates();
        List<Object> normalized = apply(hash(KEY, Map.of("normalize", "lower_trim")), " A@X.com ", "a@x.com");
        assertThat(normalized.get(0)).isEqualTo(normalized.get(1));
        List<Object> base64 = apply(hash(KEY, Map.of("encoding", "base64")), "a@x.com");
        assertThat(base64.get(0)).asString().hasSize(44).endsWith("=");
    }

    @Test
    void a_short_key_is_refused_without_showing_it() {
        assertThatThrownBy(() -> hash("short-secret", Map.of()))
                .hasMessageContaining("option 'key': the key has 12 bytes; it needs at least 16")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void redact_replaces_every_value_but_nulls_with_a_constant() {
        assertThat(apply(transform("redact", Map.of("columns", List.of("value"))), "Budi", "", "日本語", LONG, null))
                .containsExactly("[REDACTED]", "[REDACTED]", "[REDACTED]", "[REDACTED]", null);
        assertThat(apply(transform("redact", Map.of("columns", List.of("value"), "value", "-")), "Budi"))
                .containsExactly("-");
    }

    @Test
    void a_personal_data_transform_on_a_missing_column_fails_before_any_data() {
        assertThatThrownBy(() -> transform("redact", Map.of("columns", List.of("emial"))).outputSchema(SCHEMA))
                .hasMessage("transform redact: there is no column 'emial'");
    }
}
