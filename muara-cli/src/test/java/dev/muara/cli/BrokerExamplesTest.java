package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker examples of {@code examples/} run as their comments say: messages are published, {@code muara run}
 * loads them into DuckDB and shows them in its progress line, SIGTERM ends the run. Against the local broker when it
 * is there; otherwise the example's address is pointed at a broker of the test's own.
 */
class BrokerExamplesTest {

    @TempDir
    Path dir;

    @Test
    void the_mqtt_example_loads_what_sensors_publish() throws Exception {
        Path pipeline = copyExample("mqtt");
        TestBrokers.Broker broker = TestBrokers.mqtt();
        if (broker.embedded()) {
            // the embedded broker speaks MQTT 3.1.1 only
            replace(pipeline, "port: 1883\n", "port: " + broker.port() + "\n  protocol: \"3.1.1\"\n");
        }
        String topic = "plant/line-" + UUID.randomUUID() + "/temperature";
        Mqtt3BlockingClient sensor = MqttClient.builder().useMqttVersion3().identifier("sensor-" + UUID.randomUUID())
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        // the session Muara will resume exists before it first connects, as after any earlier run
        MqttPublisher.createSession(broker, "muara-plant-sensors", "plant/+/temperature");
        sensor.connect();
        for (int id = 1; id <= 3; id++) {
            sensor.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"reading_id\": " + id + ", \"celsius\": 2" + id + ".5}").getBytes(StandardCharsets.UTF_8))
                    .send();
        }
        sensor.disconnect();

        runUntilLoaded(pipeline, 3);
        assertThat(Duck.rows(dir.resolve("sensors.duckdb"), "SELECT reading_id, celsius, _topic FROM readings ORDER BY 1"))
                .containsExactly(List.of("1", "21.5", topic), List.of("2", "22.5", topic), List.of("3", "23.5", topic));
    }

    @Test
    void the_kafka_example_loads_the_orders_of_its_topic() throws Exception {
        Path pipeline = copyExample("kafka");
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        replace(pipeline, "localhost:9092", kafka.bootstrapServers());
        kafka.createTopic("orders", 3);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (int id = 1; id <= 3; id++) {
                producer.send(new ProducerRecord<>("orders", "{\"order_id\": " + id + ", \"amount\": " + id + "2.5}")).get();
            }
        }

        runUntilLoaded(pipeline, 3);
        assertThat(Duck.rows(dir.resolve("kafka.duckdb"), "SELECT order_id, amount, _topic FROM orders ORDER BY 1"))
                .containsExactly(List.of("1", "12.50", "orders"), List.of("2", "22.50", "orders"),
                        List.of("3", "32.50", "orders"));
    }

    private Path copyExample(String name) throws Exception {
        Files2.copyTree(Files2.projectRoot().resolve("examples").resolve(name), dir);
        return dir.resolve("pipeline.yaml");
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /**
     * Runs the pipeline until its progress line (one every 10 s when not on a terminal) shows {@code rows} loaded with
     * their end-to-end latency, then stops it.
     */
    private void runUntilLoaded(Path pipeline, int rows) throws Exception {
        try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            String progress = ": " + rows + " rows loaded, ";
            while (!muara.text().contains(progress)) {
                assertThat(System.nanoTime()).as(muara.text()).isLessThan(deadline);
                assertThat(muara.isAlive()).as(muara.text()).isTrue();
                Thread.sleep(200);
            }
            assertThat(muara.text()).containsPattern(progress + "\\d+ rows/s, latency p50 [^,]+ p99 ");
            StreamLoads.stop(muara);
        }
    }
}
