package dev.muara.cli;

import static dev.muara.cli.StreamLoads.assertEachNumberOnce;
import static dev.muara.cli.StreamLoads.awaitRows;
import static dev.muara.cli.StreamLoads.count;
import static dev.muara.cli.StreamLoads.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestBrokers;
import dev.muara.testkit.TestDatabases;
import dev.muara.testkit.amqp.RabbitMqQueues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RabbitMQ queue into PostgreSQL with Muara run as a user runs it, against the local RabbitMQ (skipped when none
 * runs). Each test has a durable queue of its own, which keeps the messages published while Muara is down.
 */
class AmqpStreamIT {

    @TempDir
    Path dir;

    private String queue;

    @BeforeEach
    void freshQueue() throws Exception {
        TestBrokers.rabbitMq();
        queue = "muara-it-" + UUID.randomUUID().toString().substring(0, 8);
        RabbitMqQueues.declare(queue);
    }

    @AfterEach
    void deleteQueue() throws Exception {
        RabbitMqQueues.delete(queue);
    }

    private Path pipeline(String database, String write) throws Exception {
        TestBrokers.Broker broker = TestBrokers.rabbitMq();
        // the killed and restarted processes get no environment of the test's: the password comes from a file
        Files.writeString(dir.resolve("amqp-password"), "guest");
        return Files.writeString(dir.resolve("orders.yaml"), """
                name: orders
                source:
                  type: amqp
                  host: %s
                  port: %d
                  username: guest
                  password: ${file:amqp-password}
                  queue: %s
                  key: [seq]
                checkpoint: {interval: 200ms}
                """.formatted(broker.host(), broker.port(), queue) + StreamLoads.postgresTarget(database, write));
    }

    @Test
    void killed_twice_while_100000_messages_arrive_every_number_is_loaded_once() throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(database, "merge");
        try (AmqpPublisher publisher = new AmqpPublisher(queue, 1, 100_000, 0)) {
            StreamLoads.killTwiceThenFinish(dir, pipeline, database, 100_000, () -> publisher.awaitDone(300));
        }
        assertEachNumberOnce(database, 100_000);
    }

    @Test
    void a_clean_stop_mid_stream_loses_nothing_and_loads_nothing_twice_and_the_queue_keeps_what_comes_meanwhile()
            throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        Path pipeline = pipeline(database, "append");
        try (AmqpPublisher publisher = new AmqpPublisher(queue, 1, 20_000, 4_000)) {
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 2_000, 120, muara);
                stop(muara);
            }
            assertThat(count(database, "SELECT count(*) FROM readings")).isPositive().isLessThan(20_000);
            publisher.awaitDone(120);
            try (MuaraProcess muara = MuaraProcess.start(dir, Map.of(), "256m", "run", pipeline.toString())) {
                awaitRows(database, 20_000, 120, muara);
                stop(muara);
            }
        }
        // write: append, so a message loaded twice would show as an extra row
        assertEachNumberOnce(database, 20_000);
    }
}
