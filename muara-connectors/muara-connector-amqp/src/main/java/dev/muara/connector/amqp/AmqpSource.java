package dev.muara.connector.amqp;

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

/** One stream's consumption of an AMQP queue: a single split that runs until the pipeline stops. */
final class AmqpSource extends MessageSource {

    /** The columns each message adds to its rows, unless {@code metadata: false}. */
    static final List<Field> METADATA = List.of(new Field("_exchange", DataType.STRING),
            new Field("_routing_key", DataType.STRING), new Field("_message_id", DataType.STRING),
            new Field("_timestamp", DataType.TIMESTAMP_TZ), new Field("_received_at", DataType.TIMESTAMP_TZ),
            new Field("_redelivered", DataType.BOOLEAN));

    private final AmqpSettings settings;

    AmqpSource(SourceContext context, Options options) {
        super(context, options, AmqpOptions.KEY, METADATA);
        this.settings = AmqpSettings.of(context, options);
    }

    @Override
    public List<Split> plan(PlanContext planContext) {
        // the broker keeps the position (what is not acknowledged stays queued), so the split only names the queue
        return List.of(new Split(context.stream(), settings.queue(), settings.virtualHost(), -1));
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) {
        MessageBatchBuilder builder = newBuilder(readerContext);
        return new AmqpSplitReader(QueueConsumer.open(settings), builder, metadata(), settings, readerContext);
    }
}
