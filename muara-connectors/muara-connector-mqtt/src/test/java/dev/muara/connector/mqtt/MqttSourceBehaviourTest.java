package dev.muara.connector.mqtt;

import dev.muara.api.source.Source;
import dev.muara.testkit.StreamSourceBehaviour;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An MQTT subscription (the local Mosquitto, else an embedded Moquette) passes the suite of stream sources. */
class MqttSourceBehaviourTest extends StreamSourceBehaviour {

    @TempDir
    Path dir;

    private String topic;
    private String clientId;

    @BeforeEach
    void freshTopic() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        topic = "muara-test/" + id + "/data";
        clientId = "muara-test-" + id;
    }

    @Override
    protected Source createSource() {
        return MqttTesting.source(dir, MqttTesting.options(clientId, topic));
    }

    @Override
    protected void publish(List<byte[]> payloads) {
        MqttTesting.publish(topic, payloads);
    }
}
