package dev.muara.connector.http;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import java.util.List;

/** The {@code http_listener} source: an HTTP endpoint that devices and services POST data to. */
public final class HttpListenerSourceConnector implements SourceConnector {

    @Override
    public String type() {
        return "http_listener";
    }

    @Override
    public String description() {
        return "Listens for HTTP POST requests (devices that cannot speak MQTT, webhooks), answering 202 once the rows "
                + "are committed.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return HttpListenerOptions.ALL;
    }

    @Override
    public Source create(SourceContext context, Options options) {
        return new HttpListenerSource(context, options);
    }

    @Override
    public boolean knowsPrimaryKeys() {
        return true;
    }

    @Override
    public String splitNoun() {
        return "listener";
    }
}
