package dev.muara.connector.kafka;

import static dev.muara.connector.kafka.KafkaTesting.kafka;

import dev.muara.api.source.Source;
import dev.muara.testkit.StreamSourceBehaviour;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;

/** The stream source behaviour, on a fresh three-partition topic per test. */
class KafkaSourceBehaviourTest extends StreamSourceBehaviour {

    private String topic;

    @BeforeEach
    void freshTopic() {
        topic = kafka().newTopic("behaviour", 3);
    }

    @Override
    protected Source createSource() {
        return KafkaTesting.source(Map.of("topics", List.of(topic), "group_id", "group-" + topic));
    }

    @Override
    protected void publish(List<byte[]> payloads) {
        KafkaTesting.produce(payloads.stream().map(p -> new ProducerRecord<byte[], byte[]>(topic, p)).toList());
    }
}
