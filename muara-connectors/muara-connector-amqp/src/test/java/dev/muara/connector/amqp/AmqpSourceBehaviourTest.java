package dev.muara.connector.amqp;

import dev.muara.api.source.Source;
import dev.muara.testkit.StreamSourceBehaviour;
import dev.muara.testkit.amqp.RabbitMqQueues;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A queue of the local RabbitMQ passes the suite of stream sources (skipped when no RabbitMQ runs). */
class AmqpSourceBehaviourTest extends StreamSourceBehaviour {

    @TempDir
    Path dir;

    private String queue;

    @BeforeEach
    void freshQueue() throws Exception {
        queue = AmqpTesting.freshQueue();
        RabbitMqQueues.declare(queue);
    }

    @AfterEach
    void deleteQueue() throws Exception {
        RabbitMqQueues.delete(queue);
    }

    @Override
    protected Source createSource() {
        return AmqpTesting.source(dir, AmqpTesting.options(queue));
    }

    @Override
    protected void publish(List<byte[]> payloads) throws Exception {
        AmqpTesting.publish(queue, payloads);
    }
}
