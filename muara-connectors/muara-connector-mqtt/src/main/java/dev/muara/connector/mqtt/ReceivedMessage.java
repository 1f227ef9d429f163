package dev.muara.connector.mqtt;

/**
 * A message as the subscription hands it over, whatever the protocol version.
 *
 * @param acknowledgement sends the acknowledgement the broker waits for before it forgets the message; nothing for
 *     QoS 0
 */
record ReceivedMessage(String topic, byte[] payload, int qos, boolean retained, Runnable acknowledgement) {
}
