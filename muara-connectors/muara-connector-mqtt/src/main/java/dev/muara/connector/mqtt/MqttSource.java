package dev.muara.connector.mqtt;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.option.Options;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.formats.message.MessageBatchBuilder;
import dev.muara.formats.message.MessageSource;
import java.util.List;

/** One stream's subscription to an MQTT broker: a single split that runs until the pipeline stops. */
final class MqttSource extends MessageSource {

    /** The columns each message adds to its rows, unless {@code metadata: false}. */
    static final List<Field> METADATA = List.of(new Field("_topic", DataType.STRING),
            new Field("_received_at", DataType.TIMESTAMP_TZ), new Field("_qos", DataType.INT32),
            new Field("_retained", DataType.BOOLEAN));

    private final MqttSettings settings;

    MqttSource(SourceContext context, Options options) {
        super(context, options, MqttOptions.KEY, METADATA);
        this.settings = MqttSettings.of(context, options);
    }

    @Override
    public List<Split> plan(PlanContext planContext) {
        // the fingerprint names what is subscribed, so the state shows it; a stream source never finishes its split
        return List.of(new Split(context.stream(), settings.clientId(), String.join(",", settings.topics()), -1));
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) {
        MessageBatchBuilder builder = newBuilder(readerContext);
        // MQTT 5 tells the broker how many messages may await acknowledgement; 3.1.1 cannot, so the reader keeps to
        // the same bound itself: from a broker that sends past its own in-flight limit, acknowledgements then go
        // back every few thousand messages instead of once per checkpoint interval
        return new MqttSplitReader(HiveMqSubscriptions.open(settings), builder, metadata(), settings.receiveMaximum(),
                readerContext);
    }
}
