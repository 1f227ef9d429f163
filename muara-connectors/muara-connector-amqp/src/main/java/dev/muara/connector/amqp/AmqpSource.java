package dev.muara.connector.amqp;

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

/** One stream's consumption of an AMQP queue: a single split that runs until the pipeline stops. */
final class AmqpSource implements Source {

    /** The columns each message adds to its rows, unless {@code metadata: false}. */
    static final List<Field> METADATA = List.of(new Field("_exchange", DataType.STRING),
            new Field("_routing_key", DataType.STRING), new Field("_message_id", DataType.STRING),
            new Field("_timestamp", DataType.TIMESTAMP_TZ), new Field("_received_at", DataType.TIMESTAMP_TZ),
            new Field("_redelivered", DataType.BOOLEAN));

    private final SourceContext context;
    private final AmqpSettings settings;
    private final PayloadSettings payload;
    private final boolean metadata;
    private final List<String> key;

    AmqpSource(SourceContext context, Options options) {
        this.context = context;
        this.settings = AmqpSettings.of(context, options);
        this.payload = MessageOptions.payload(options);
        this.metadata = options.get(MessageOptions.METADATA);
        List<String> keyColumns = options.get(AmqpOptions.KEY);
        this.key = keyColumns == null ? List.of() : List.copyOf(keyColumns);
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.UNBOUNDED;
    }

    @Override
    public List<Split> plan(PlanContext planContext) {
        // the broker keeps the position (what is not acknowledged stays queued), so the split only names the queue
        return List.of(new Split(context.stream(), settings.queue(), settings.virtualHost(), -1));
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) {
        MessageBatchBuilder builder = new MessageBatchBuilder(payload, metadata ? METADATA : List.of(), readerContext.batchRows());
        return new AmqpSplitReader(QueueConsumer.open(settings), builder, metadata, settings, readerContext);
    }

    @Override
    public List<String> primaryKey(String stream) {
        return key;
    }

    /** The arrival time: AMQP's own timestamp property is optional, set by the publisher's clock, in whole seconds. */
    @Override
    public String eventTimeColumn(String stream) {
        return metadata ? "_received_at" : null;
    }
}
