package dev.muara.formats.message;

import java.util.Locale;

/** How the payload of a message (MQTT, Kafka, AMQP, an HTTP request) becomes rows. */
public enum PayloadFormat {
    /** A JSON object, an array of objects, or objects one after another: one row per object. */
    JSON,
    /** CSV records without a header, one per line: one row per record. */
    CSV,
    /** UTF-8 text: one row, the text in a {@code payload} column. */
    TEXT,
    /** Any bytes: one row, the bytes in a {@code payload} column. */
    BYTES;

    /** The word used in configuration. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PayloadFormat of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
