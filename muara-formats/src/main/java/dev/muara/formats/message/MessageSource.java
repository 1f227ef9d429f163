package dev.muara.formats.message;

import dev.muara.api.data.Field;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import java.util.List;

/**
 * What every source of messages that runs until stopped (a broker subscription, a queue, a listener) shares: it is
 * unbounded, its payloads become rows through a {@link MessageBatchBuilder} with the message's own columns (unless
 * {@code metadata: false}), its key is the columns the pipeline names in {@code key}, and each row's arrival time
 * ({@link #RECEIVED_AT}) is the event time of the latency figures.
 */
public abstract class MessageSource implements Source {

    /** The column holding when Muara received a message. */
    public static final String RECEIVED_AT = "_received_at";

    protected final SourceContext context;
    private final PayloadSettings payload;
    private final List<Field> metadataColumns;
    private final List<String> key;

    /**
     * @param keyOption the connector's {@code key} option
     * @param metadataColumns the columns each message adds, among them {@link #RECEIVED_AT}
     */
    protected MessageSource(SourceContext context, Options options, OptionSpec<List<String>> keyOption,
            List<Field> metadataColumns) {
        this.context = context;
        this.payload = MessageOptions.payload(options);
        this.metadataColumns = options.get(MessageOptions.METADATA) ? metadataColumns : List.of();
        List<String> keyColumns = options.get(keyOption);
        this.key = keyColumns == null ? List.of() : List.copyOf(keyColumns);
    }

    /** Whether rows get the message's own columns. */
    protected final boolean metadata() {
        return !metadataColumns.isEmpty();
    }

    /** How payloads become rows. */
    protected final PayloadSettings payload() {
        return payload;
    }

    /** A builder for one reader's batches. */
    protected final MessageBatchBuilder newBuilder(ReaderContext readerContext) {
        return new MessageBatchBuilder(payload, metadataColumns, readerContext.batchRows());
    }

    @Override
    public final Boundedness boundedness() {
        return Boundedness.UNBOUNDED;
    }

    @Override
    public final List<String> primaryKey(String stream) {
        return key;
    }

    /** The arrival time: not every protocol carries a time of its own, and a sender's clock may be wrong. */
    @Override
    public final String eventTimeColumn(String stream) {
        return metadata() ? RECEIVED_AT : null;
    }
}
