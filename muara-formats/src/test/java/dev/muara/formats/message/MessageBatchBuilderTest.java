package dev.muara.formats.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.option.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageBatchBuilderTest {

    private static final List<Field> METADATA = List.of(new Field("_topic", DataType.STRING),
            new Field("_received_at", DataType.TIMESTAMP_TZ));
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456Z");

    private final List<String> rejects = new ArrayList<>();

    private int add(MessageBatchBuilder builder, String payload, String topic) {
        return builder.add(payload.getBytes(StandardCharsets.UTF_8), new Object[] {topic, AT},
                (reason, original) -> rejects.add(reason + " | " + original));
    }

    private static List<Object> row(Batch batch, int row) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < batch.schema().size(); c++) {
            values.add(batch.column(c).getObject(row));
        }
        return values;
    }

    @Test
    void a_json_object_array_or_lines_each_give_rows_with_the_message_metadata() {
        MessageBatchBuilder builder = new MessageBatchBuilder(PayloadSettings.json(), METADATA, 16);
        assertThat(add(builder, "{\"id\": 1, \"temp\": 21.5}", "s/1")).isEqualTo(1);
        assertThat(add(builder, "[{\"id\": 2, \"temp\": 22}, {\"id\": 3}]", "s/2")).isEqualTo(2);
        assertThat(add(builder, "{\"id\": 4}\n{\"id\": 5, \"temp\": 1e1}\n", "s/3")).isEqualTo(2);
        Batch batch = builder.build();
        assertThat(batch.schema().toString()).isEqualTo("[_topic string, _received_at timestamptz, id int32, temp float64]");
        assertThat(batch.rowCount()).isEqualTo(5);
        assertThat(row(batch, 0)).containsExactly("s/1", AT, 1, 21.5);
        assertThat(row(batch, 2)).containsExactly("s/2", AT, 3, null);
        assertThat(row(batch, 4)).containsExactly("s/3", AT, 5, 10.0);
        assertThat(rejects).isEmpty();
    }

    @Test
    void bad_json_is_rejected_and_the_good_objects_of_the_same_message_stay() {
        MessageBatchBuilder builder = new MessageBatchBuilder(new PayloadSettings(PayloadFormat.JSON,
                Map.of("id", new ColumnSpec(DataType.INT64, null)), List.of(), ',', false), METADATA, 16);
        assertThat(add(builder, "not json", "t")).isZero();
        assertThat(add(builder, "42", "t")).isZero();
        assertThat(add(builder, "[{\"id\": 1}, {\"id\": \"x\"}, {\"id\": 3}]", "t")).isEqualTo(2);
        assertThat(add(builder, "", "t")).isZero();
        Batch batch = builder.build();
        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(row(batch, 1).get(2)).isEqualTo(3L);
        assertThat(rejects).hasSize(4);
        assertThat(rejects.get(0)).startsWith("the payload is not valid JSON").endsWith("| not json");
        assertThat(rejects.get(1)).startsWith("a JSON number where an object was expected");
        assertThat(rejects.get(2)).contains("id");
        assertThat(rejects.get(3)).startsWith("the payload is empty");
    }

    @Test
    void csv_lines_use_the_named_columns_and_types_and_refuse_values_that_do_not_fit() {
        PayloadSettings csv = new PayloadSettings(PayloadFormat.CSV, Map.of("temp", new ColumnSpec(DataType.FLOAT64, null)),
                List.of("sensor", "temp"), ';', false);
        MessageBatchBuilder builder = new MessageBatchBuilder(csv, METADATA, 16);
        assertThat(add(builder, "a;21.5\n\"b;c\";22", "t")).isEqualTo(2);
        assertThat(add(builder, "d;warm", "t")).isZero();
        assertThat(add(builder, "e;1;extra", "t")).isEqualTo(1);
        Batch batch = builder.build();
        assertThat(batch.schema().toString()).isEqualTo("[_topic string, _received_at timestamptz, sensor string, temp float64, column_3 string]");
        assertThat(row(batch, 1)).containsExactly("t", AT, "b;c", 22.0, null);
        assertThat(row(batch, 2)).containsExactly("t", AT, "e", 1.0, "extra");
        assertThat(rejects).containsExactly("column temp: 'warm' is not a float64 | d;warm");
    }

    @Test
    void text_and_bytes_payloads_are_one_column_and_invalid_utf8_text_is_rejected() {
        MessageBatchBuilder text = new MessageBatchBuilder(new PayloadSettings(PayloadFormat.TEXT, Map.of(), List.of(), ',', false),
                List.of(), 4);
        add(text, "héllo", "t");
        text.add(new byte[] {(byte) 0xC3, 0x28}, new Object[0], (reason, original) -> rejects.add(reason));
        Batch batch = text.build();
        assertThat(batch.schema().toString()).isEqualTo("[payload string]");
        assertThat(row(batch, 0)).containsExactly("héllo");
        assertThat(rejects).containsExactly("the payload is not UTF-8 text (use format: bytes)");
        MessageBatchBuilder bytes = new MessageBatchBuilder(new PayloadSettings(PayloadFormat.BYTES, Map.of(), List.of(), ',', false),
                METADATA, 4);
        bytes.add(new byte[] {0, 1, 2}, new Object[] {"t", 5L}, (reason, original) -> rejects.add(reason));
        Batch raw = bytes.build();
        assertThat(raw.schema().toString()).isEqualTo("[_topic string, _received_at timestamptz, payload binary]");
        assertThat((byte[]) raw.column(2).getObject(0)).containsExactly(0, 1, 2);
        assertThat(raw.column(1).getLong(0)).isEqualTo(5L);
    }

    @Test
    void types_stick_across_batches_and_a_metadata_name_wins_over_a_payload_field() {
        MessageBatchBuilder builder = new MessageBatchBuilder(PayloadSettings.json(), METADATA, 16);
        add(builder, "{\"_topic\": \"spoofed\", \"v\": 1}", "real");
        Batch first = builder.build();
        assertThat(first.schema().toString()).isEqualTo("[_topic string, _received_at timestamptz, v int32]");
        assertThat(row(first, 0).get(0)).isEqualTo("real");
        add(builder, "{\"v\": 2}", "real");
        assertThat(builder.build().schema().toString()).isEqualTo("[_topic string, _received_at timestamptz, v int32]");
        assertThat(builder.rows()).isZero();
    }
}
