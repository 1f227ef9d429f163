package dev.muara.connector.mqtt;

/**
 * A connected client and its subscriptions, holding back acknowledgements until the reader sends them. One
 * implementation per protocol version, as the client library's types differ.
 */
interface MqttSubscription extends AutoCloseable {

    /** The next message, waiting at most {@code millis}; null when none came. */
    ReceivedMessage receive(long millis) throws InterruptedException;

    /** The next message if one is already here, else null. */
    ReceivedMessage receiveNow();

    /** Disconnects, leaving unacknowledged messages with the broker for the next session. */
    @Override
    void close();
}
