package dev.muara.connector.mqtt;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import java.util.List;

/** The {@code mqtt} source: subscribes to topics of an MQTT 3.1.1 or 5 broker and loads every message. */
public final class MqttSourceConnector implements SourceConnector {

    @Override
    public String type() {
        return "mqtt";
    }

    @Override
    public String description() {
        return "Subscribes to MQTT topics (IoT devices and sensors), acknowledging each message after it is committed.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return MqttOptions.ALL;
    }

    @Override
    public Source create(SourceContext context, Options options) {
        return new MqttSource(context, options);
    }

    @Override
    public boolean knowsPrimaryKeys() {
        return true;
    }

    @Override
    public String splitNoun() {
        return "subscription";
    }
}
