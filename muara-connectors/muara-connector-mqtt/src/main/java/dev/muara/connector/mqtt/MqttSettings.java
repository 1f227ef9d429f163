package dev.muara.connector.mqtt;

import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.source.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How to reach the broker and what to subscribe to, from validated options.
 *
 * @param caFile the private CA's PEM file, or null for the JDK's trusted authorities
 * @param password the password, or null
 */
record MqttSettings(String host, int port, boolean tls, Path caFile, String username, Secret password, boolean mqtt5,
        List<String> topics, int qos, String clientId, boolean cleanStart, Duration sessionExpiry, int receiveMaximum,
        Duration keepAlive, Duration connectTimeout) {

    MqttSettings {
        topics = List.copyOf(topics);
    }

    static MqttSettings of(SourceContext context, Options options) {
        boolean tls = options.get(MqttOptions.TLS);
        Long port = options.get(MqttOptions.PORT);
        Path caFile = null;
        String ca = options.get(MqttOptions.CA_FILE);
        if (ca != null) {
            if (!tls) {
                throw options.invalid(MqttOptions.CA_FILE, "is only used with tls: true");
            }
            caFile = context.baseDirectory().resolve(ca).normalize();
            if (!Files.isReadable(caFile)) {
                throw options.invalid(MqttOptions.CA_FILE, "cannot read " + caFile);
            }
        }
        List<String> topics = options.get(MqttOptions.TOPICS);
        for (String topic : topics) {
            String problem = topicProblem(topic);
            if (problem != null) {
                throw options.invalid(MqttOptions.TOPICS, "'" + topic + "' " + problem);
            }
        }
        String clientId = options.get(MqttOptions.CLIENT_ID);
        if (clientId == null) {
            clientId = defaultClientId(context);
        }
        return new MqttSettings(options.get(MqttOptions.HOST), port != null ? port.intValue() : tls ? 8883 : 1883, tls,
                caFile, options.get(MqttOptions.USERNAME), options.get(MqttOptions.PASSWORD),
                options.get(MqttOptions.PROTOCOL).equals("5"), topics, options.get(MqttOptions.QOS).intValue(), clientId,
                options.get(MqttOptions.CLEAN_START), options.get(MqttOptions.SESSION_EXPIRY),
                options.get(MqttOptions.RECEIVE_MAXIMUM).intValue(), options.get(MqttOptions.KEEP_ALIVE),
                options.get(MqttOptions.CONNECT_TIMEOUT));
    }

    /** Why a topic filter is not valid, or null: # only last and alone in its level, + alone in its level. */
    static String topicProblem(String filter) {
        if (filter.isEmpty()) {
            return "is empty";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "has a # that is not the whole last level";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "has a + that is not a whole level";
            }
        }
        return null;
    }

    /** muara-pipeline-stream, kept to the characters every broker accepts in a client identifier. */
    private static String defaultClientId(SourceContext context) {
        String id = ("muara-" + context.pipeline() + "-" + context.stream()).toLowerCase(Locale.ROOT);
        return id.replaceAll("[^a-z0-9-]", "-");
    }

    /** What to call the broker in messages: {@code mqtt://host:1883}; never a secret. */
    String describe() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
