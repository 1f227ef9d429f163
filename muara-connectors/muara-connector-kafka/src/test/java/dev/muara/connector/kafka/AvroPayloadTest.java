package dev.muara.connector.kafka;

import static dev.muara.connector.kafka.KafkaTesting.kafka;
import static dev.muara.connector.kafka.KafkaTesting.produce;
import static dev.muara.connector.kafka.KafkaTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import dev.muara.testkit.Rows;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avro payloads: types mapped from the schema, nested values as json, the Confluent prefix, bad records. */
class AvroPayloadTest {

    private static final String SCHEMA = """
            {"type": "record", "name": "Order", "fields": [
              {"name": "id", "type": "long"},
              {"name": "qty", "type": "int"},
              {"name": "customer", "type": ["null", "string"]},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "paid", "type": "boolean"},
              {"name": "ratio", "type": "float"},
              {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "SHIPPED"]}},
              {"name": "blob", "type": "bytes"},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "attrs", "type": {"type": "map", "values": "long"}},
              {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                {"name": "city", "type": "string"}, {"name": "zip", "type": ["null", "string"]}]}},
              {"name": "either", "type": ["null", "int", "string"]},
              {"name": "ref", "type": {"type": "fixed", "name": "Ref", "size": 16, "logicalType": "uuid"}}
            ]}""";

    private static final UUID REF = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private final Schema schema = new Schema.Parser().parse(SCHEMA);
    private final List<RejectedRecord> rejected = new CopyOnWriteArrayList<>();

    private GenericRecord order(long id, String customer, Object either) {
        GenericRecord record = new GenericData.Record(schema);
        Schema priceSchema = schema.getField("price").schema();
        record.put("id", id);
        record.put("qty", 3);
        record.put("customer", customer);
        record.put("price", new Conversions.DecimalConversion().toBytes(new BigDecimal("12.34"), priceSchema,
                LogicalTypes.decimal(10, 2)));
        record.put("day", (int) LocalDate.parse("2024-05-01").toEpochDay());
        record.put("at", Instant.parse("2024-05-01T10:15:30.123Z").toEpochMilli());
        record.put("paid", true);
        record.put("ratio", 0.1f);
        record.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), "SHIPPED"));
        record.put("blob", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        record.put("tags", List.of("a", "b"));
        record.put("attrs", Map.of("x", 1L));
        GenericRecord address = new GenericData.Record(schema.getField("address").schema());
        address.put("city", "Bandung");
        address.put("zip", null);
        record.put("address", address);
        record.put("either", either);
        ByteBuffer ref = ByteBuffer.allocate(16).putLong(REF.getMostSignificantBits()).putLong(REF.getLeastSignificantBits());
        record.put("ref", new GenericData.Fixed(schema.getField("ref").schema(), ref.array()));
        return record;
    }

    private static byte[] encode(GenericRecord record, boolean confluent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (confluent) {
            out.write(new byte[] {0, 0, 0, 0, 42});
        }
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private Batch readAll(Map<String, Object> options, String topic, int rows) throws Exception {
        try (Source source = source(options);
                SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null,
                        new RecordingReaderContext("s", 100, rejected))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<List<Object>> seen = new ArrayList<>();
            Batch last = null;
            while (seen.size() < rows && System.nanoTime() < deadline) {
                Batch batch = reader.next(Duration.ofMillis(100));
                if (batch.rowCount() > 0) {
                    seen.addAll(Rows.of(batch));
                    last = batch;
                }
            }
            assertThat(seen).hasSize(rows);
            return last;
        }
    }

    @Test
    void avro_records_become_typed_rows_with_nested_values_as_json_with_or_without_the_confluent_prefix() throws Exception {
        String topic = kafka().newTopic("avro", 1);
        produce(topic, 0, List.of(encode(order(1, "Ana", 7), false), encode(order(2, null, "seven"), true)));
        Batch batch = readAll(Map.of("topics", List.of(topic), "format", "avro", "avro_schema", SCHEMA, "metadata", false), topic, 2);
        assertThat(batch.schema().fields()).containsExactly(new Field("id", DataType.INT64), new Field("qty", DataType.INT32),
                new Field("customer", DataType.STRING), new Field("price", DataType.decimal(10, 2)),
                new Field("day", DataType.DATE), new Field("at", DataType.TIMESTAMP_TZ), new Field("paid", DataType.BOOLEAN),
                new Field("ratio", DataType.FLOAT64), new Field("status", DataType.STRING), new Field("blob", DataType.BINARY),
                new Field("tags", DataType.JSON), new Field("attrs", DataType.JSON), new Field("address", DataType.JSON),
                new Field("either", DataType.JSON), new Field("ref", DataType.STRING));
        List<List<Object>> rows = Rows.of(batch);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).subList(0, 9)).containsExactly(1L, 3, "Ana", new BigDecimal("12.34"), LocalDate.parse("2024-05-01"),
                Instant.parse("2024-05-01T10:15:30.123Z"), true, 0.1, "SHIPPED");
        assertThat((byte[]) rows.get(0).get(9)).containsExactly(1, 2, 3);
        assertThat(rows.get(0).subList(10, 14)).containsExactly("[\"a\",\"b\"]", "{\"x\":1}",
                "{\"city\":\"Bandung\",\"zip\":null}", "7");
        assertThat(rows.get(0).get(14)).isEqualTo(REF.toString());
        assertThat(rows.get(1).get(0)).isEqualTo(2L);
        assertThat(rows.get(1).get(2)).isNull();
        assertThat(rows.get(1).get(13)).isEqualTo("\"seven\"");
        assertThat(rejected).isEmpty();
    }

    @Test
    void the_schema_may_come_from_a_file_and_a_record_that_does_not_decode_is_rejected_in_base64(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("order.avsc");
        Files.writeString(file, SCHEMA);
        String topic = kafka().newTopic("avro-file", 1);
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        produce(topic, 0, List.of(garbage, encode(order(3, "Budi", null), false)));
        Batch batch = readAll(Map.of("topics", List.of(topic), "format", "avro", "avro_schema_file", file.toString()), topic, 1);
        assertThat(batch.schema().names()).startsWith("_topic", "_partition", "_offset", "_timestamp", "_key", "_headers", "id");
        assertThat(batch.column("id").getObject(0)).isEqualTo(3L);
        assertThat(batch.column("_offset").getObject(0)).isEqualTo(1L);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).location()).isEqualTo(topic + "/0@0");
        assertThat(rejected.get(0).reason()).startsWith("the payload is not an Avro datum of the configured schema");
        assertThat(Base64.getDecoder().decode(rejected.get(0).original())).isEqualTo(garbage);
    }

    @Test
    void format_avro_needs_exactly_one_schema_and_a_valid_one() {
        for (Map<String, Object> options : List.of(
                Map.<String, Object>of("topics", List.of("t"), "format", "avro"),
                Map.<String, Object>of("topics", List.of("t"), "format", "avro", "avro_schema", SCHEMA, "avro_schema_file", "x.avsc"),
                Map.<String, Object>of("topics", List.of("t"), "format", "avro", "avro_schema", "{\"type\": \"nope\"}"),
                Map.<String, Object>of("topics", List.of("t"), "format", "json", "avro_schema", SCHEMA),
                Map.<String, Object>of("topics", List.of("t"), "format", "avro", "avro_schema", SCHEMA, "flatten", true))) {
            assertThatThrownBy(() -> source(options)).isInstanceOfSatisfying(MuaraException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG));
        }
    }
}
