package dev.muara.connector.amqp;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import java.util.List;

/** The {@code amqp} source: consumes a queue of an AMQP 0-9-1 broker (RabbitMQ) and loads every message. */
public final class AmqpSourceConnector implements SourceConnector {

    @Override
    public String type() {
        return "amqp";
    }

    @Override
    public String description() {
        return "Consumes a RabbitMQ (AMQP 0-9-1) queue, acknowledging each message after it is committed.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return AmqpOptions.ALL;
    }

    @Override
    public Source create(SourceContext context, Options options) {
        return new AmqpSource(context, options);
    }

    @Override
    public boolean knowsPrimaryKeys() {
        return true;
    }

    @Override
    public String splitNoun() {
        return "queue";
    }
}
