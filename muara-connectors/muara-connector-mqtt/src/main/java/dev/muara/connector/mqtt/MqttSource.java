package dev.muara.connector.mqtt;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.formats.message.MessageBatchBuilder;
import dev.muara.formats.message.MessageOptions;
import dev.muara.formats.message.PayloadSettings;
import java.util.List;

/** One stream's subscription to an MQTT broker: a single split that runs until the pipeline stops. */
final class MqttSource implements Source {

    /** The columns each message adds to its rows, unless {@code metadata: false}. */
    static final List<Field> METADATA = List.of(new Field("_topic", DataType.STRING),
            new Field("_received_at", DataType.TIMESTAMP_TZ), new Field("_qos", DataType.INT32),
            new Field("_retained", DataType.BOOLEAN));

    private final SourceContext context;
    private final MqttSettings settings;
    private final PayloadSettings payload;
    private final boolean metadata;
    private final List<String> key;

    MqttSource(SourceContext context, Options options) {
        this.context = context;
        this.settings = MqttSettings.of(context, options);
        this.payload = MessageOptions.payload(options);
        this.metadata = options.get(MessageOptions.METADATA);
        List<String> keyColumns = options.get(MqttOptions.KEY);
        this.key = keyColumns == null ? List.of() : List.copyOf(keyColumns);
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.UNBOUNDED;
    }

    @Override
    public List<Split> plan(PlanContext planContext) {
        // the fingerprint names what is subscribed, so the state shows it; a stream source never finishes its split
        return List.of(new Split(context.stream(), settings.clientId(), String.join(",", settings.topics()), -1));
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) {
        MessageBatchBuilder builder = new MessageBatchBuilder(payload, metadata ? METADATA : List.of(), readerContext.batchRows());
        return new MqttSplitReader(HiveMqSubscriptions.open(settings), builder, metadata, readerContext);
    }

    @Override
    public List<String> primaryKey(String stream) {
        return key;
    }

    @Override
    public String eventTimeColumn(String stream) {
        return metadata ? "_received_at" : null;
    }
}
