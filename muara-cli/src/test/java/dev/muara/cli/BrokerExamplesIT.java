package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.amqp.RabbitMqQueues;
import dev.muara.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker examples of {@code examples/} run as their comments say, by the distribution {@code ./muara} runs (so a
 * client library left out of it fails here): messages are published, {@code muara run} loads them into DuckDB and
 * shows them in its progress line, SIGTERM ends the run. Against the local broker when it
 * is there; otherwise the example's address is pointed at a broker of the test's own.
 */
class BrokerExamplesIT {

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

        try (MuaraProcess muara = MuaraProcess.startDistribution(dir, Map.of(), "256m", "run", pipeline.toString())) {
            stopOnceLoaded(muara, 3);
        }
        assertThat(Duck.rows(dir.resolve("kafka.duckdb"), "SELECT order_id, amount, _topic FROM orders ORDER BY 1"))
                .containsExactly(List.of("1", "12.50", "orders"), List.of("2", "22.50", "orders"),
                        List.of("3", "32.50", "orders"));
    }

    @Test
    void the_amqp_example_loads_what_is_published_to_its_exchange() throws Exception {
        Path pipeline = copyExample("amqp");
        String queue = "muara-example-orders";
        TestBrokers.rabbitMq();
        RabbitMqQueues.delete(queue); // what an earlier run of the example left
        try (MuaraProcess muara = MuaraProcess.startDistribution(dir, Map.of("AMQP_PASSWORD", "guest"), "256m", "run",
                pipeline.toString());
                Connection connection = RabbitMqQueues.connect(); Channel channel = connection.createChannel()) {
            awaitConsumer(connection, queue, muara);
            for (int id = 1; id <= 3; id++) {
                channel.basicPublish("amq.topic", "orders.new", MessageProperties.PERSISTENT_BASIC,
                        ("{\"order_id\": " + id + ", \"amount\": " + id + "2.5}").getBytes(StandardCharsets.UTF_8));
            }
            stopOnceLoaded(muara, 3);
        } finally {
            RabbitMqQueues.delete(queue);
        }
        assertThat(Duck.rows(dir.resolve("amqp.duckdb"), "SELECT order_id, amount, _routing_key FROM orders ORDER BY 1"))
                .containsExactly(List.of("1", "12.50", "orders.new"), List.of("2", "22.50", "orders.new"),
                        List.of("3", "32.50", "orders.new"));
    }

    /** Waits for Muara to consume from the queue it declares: messages published before the queue exists go nowhere. */
    private static void awaitConsumer(Connection connection, String queue, MuaraProcess muara) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            // asking about a queue that does not exist yet closes the channel: a new one each time
            try (Channel channel = connection.createChannel()) {
                if (channel.consumerCount(queue) > 0) {
                    return;
                }
            } catch (IOException e) {
                // not declared yet
            }
            assertThat(System.nanoTime()).as(muara.text()).isLessThan(deadline);
            assertThat(muara.isAlive()).as(muara.text()).isTrue();
            Thread.sleep(200);
        }
    }

    @Test
    void the_http_listener_example_answers_each_device_once_its_readings_are_committed() throws Exception {
        Path pipeline = copyExample("http_listener");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // 8080 may be taken on a developer's machine
        }
        replace(pipeline, "port: 8080", "port: " + port);
        String token = UUID.randomUUID().toString();
        HttpClient client = HttpClient.newHttpClient();
        try (MuaraProcess muara = MuaraProcess.startDistribution(dir, Map.of("INGEST_TOKEN", token), "256m", "run", pipeline.toString())) {
            for (int id = 1; id <= 3; id++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"reading_id\": " + id + ", \"device\": \"pump-7\", \"celsius\": 2" + id + ".5}"))
                        .build();
                assertThat(sendWhenListening(client, request, muara).statusCode()).isEqualTo(202);
            }
            stopOnceLoaded(muara, 3);
        }
        assertThat(Duck.rows(dir.resolve("readings.duckdb"), "SELECT reading_id, device, celsius FROM readings ORDER BY 1"))
                .containsExactly(List.of("1", "pump-7", "21.5"), List.of("2", "pump-7", "22.5"),
                        List.of("3", "pump-7", "23.5"));
    }

    /** Sends the request, again while the connection is refused because Muara is still starting. */
    private static HttpResponse<String> sendWhenListening(HttpClient client, HttpRequest request, MuaraProcess muara)
            throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                assertThat(System.nanoTime()).as(muara.text()).isLessThan(deadline);
                assertThat(muara.isAlive()).as(muara.text()).isTrue();
                Thread.sleep(200);
            }
        }
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

    /** Runs the pipeline until it has loaded {@code rows}, shown by its progress line, then stops it. */
    private void runUntilLoaded(Path pipeline, int rows) throws Exception {
        try (MuaraProcess muara = MuaraProcess.startDistribution(dir, Map.of(), "256m", "run", pipeline.toString())) {
            String progress = ": " + rows + " rows loaded, ";
            await(muara, text -> text.contains(progress));
            assertThat(muara.text()).containsPattern(progress + "\\d+ rows/s, latency p50 [^,]+ p99 ");
            StreamLoads.stop(muara);
        }
    }

    /**
     * Waits until a commit or the progress line (one every 10 s when not on a terminal) shows {@code rows} loaded,
     * then stops Muara with SIGTERM.
     */
    private static void stopOnceLoaded(MuaraProcess muara, int rows) throws Exception {
        await(muara, text -> text.contains("committed: " + rows + " rows loaded so far")
                || text.contains(": " + rows + " rows loaded, "));
        StreamLoads.stop(muara);
    }

    private static void await(MuaraProcess muara, Predicate<String> loaded) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!loaded.test(muara.text())) {
            assertThat(System.nanoTime()).as(muara.text()).isLessThan(deadline);
            assertThat(muara.isAlive()).as(muara.text()).isTrue();
            Thread.sleep(200);
        }
    }
}
