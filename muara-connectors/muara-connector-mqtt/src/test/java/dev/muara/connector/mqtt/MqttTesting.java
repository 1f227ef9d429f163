package dev.muara.connector.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.testkit.TestBrokers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A publisher and source options for the test broker. */
final class MqttTesting {

    private MqttTesting() {
    }

    /** Options of a source subscribed to {@code topic} as client {@code clientId}, in the protocol the broker speaks. */
    static Map<String, Object> options(String clientId, String... topics) {
        TestBrokers.Broker broker = TestBrokers.mqtt();
        Map<String, Object> options = new HashMap<>();
        options.put("host", broker.host());
        options.put("port", (long) broker.port());
        options.put("client_id", clientId);
        options.put("topics", List.of(topics));
        if (broker.embedded()) {
            options.put("protocol", "3.1.1");
        }
        return options;
    }

    static Source source(Path dir, Map<String, Object> options) {
        return new MqttSourceConnector().create(new SourceContext("test", "s", dir), Options.of("source 'mqtt'", options));
    }

    /** Publishes each payload with QoS 1, waiting for the broker to take it. */
    static void publish(String topic, List<byte[]> payloads) {
        TestBrokers.Broker broker = TestBrokers.mqtt();
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier("publisher-" + UUID.randomUUID())
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        client.connect();
        try {
            for (byte[] payload : payloads) {
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
            }
        } finally {
            client.disconnect();
        }
    }
}
