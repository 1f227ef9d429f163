package dev.muara.cli;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.muara.testkit.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A device fleet in a test: publishes numbered JSON messages with QoS 1, as fast as asked, in the background. */
final class MqttPublisher extends BackgroundPublisher {

    private final TestBrokers.Broker broker;
    private final String topic;
    private final long from;
    private final long to;
    private final int perSecond;

    /** Publishes {@code {"seq": from}} to {@code {"seq": to}} at about {@code perSecond} (0: as fast as the broker takes). */
    MqttPublisher(TestBrokers.Broker broker, String topic, long from, long to, int perSecond) {
        super("mqtt-publisher");
        this.broker = broker;
        this.topic = topic;
        this.from = from;
        this.to = to;
        this.perSecond = perSecond;
        start();
    }

    /** Creates the subscriber's persistent session, so the broker keeps messages for it before it first connects. */
    static void createSession(TestBrokers.Broker broker, String clientId, String topic) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(clientId)
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        client.connectWith().cleanSession(false).send();
        client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        client.disconnect();
    }

    @Override
    void publish() throws Exception {
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("publisher-" + UUID.randomUUID())
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        Semaphore outstanding = new Semaphore(500);
        client.connect().get(30, TimeUnit.SECONDS);
        long started = System.nanoTime();
        for (long seq = from; seq <= to; seq++) {
            pace(started, seq - from, perSecond);
            outstanding.acquire();
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"seq\": " + seq + "}").getBytes(StandardCharsets.UTF_8)).send()
                    .whenComplete((result, error) -> {
                        outstanding.release();
                        if (error != null) {
                            failed(error);
                        } else {
                            taken(1);
                        }
                    });
        }
        outstanding.acquire(500);
        client.disconnect().get(30, TimeUnit.SECONDS);
    }
}
