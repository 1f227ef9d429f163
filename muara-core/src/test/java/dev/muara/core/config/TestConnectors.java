package dev.muara.core.config;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import dev.muara.core.connector.ConnectorRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Connectors with options of every kind, for configuration tests. */
final class TestConnectors {

    static final OptionSpec<List<String>> PATH = OptionSpec.stringList("path", "Where.").required().perStream();
    static final OptionSpec<String> DELIMITER = OptionSpec.string("delimiter", "Separator.").withDefault(",").perStream();
    static final OptionSpec<String> MODE = OptionSpec.oneOf("mode", "How.", "fast", "safe").withDefault("safe");
    static final OptionSpec<Duration> TIMEOUT = OptionSpec.duration("timeout", "How long.").withDefault(Duration.ofSeconds(30));
    static final OptionSpec<Long> RETRIES = OptionSpec.integer("retries", "How often.").atLeast(0).atMost(10);
    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password", "The password.");
    static final OptionSpec<Long> BUFFER = OptionSpec.bytes("buffer", "How much.").withDefault(1L << 20);

    static final OptionSpec<String> DATABASE = OptionSpec.string("database", "Which.").required();
    static final OptionSpec<String> SCHEMA = OptionSpec.string("schema", "Where in it.").perStream();

    private TestConnectors() {
    }

    static ConnectorRegistry registry() {
        SourceConnector source = new SourceConnector() {
            public String type() {
                return "files";
            }

            public String description() {
                return "Test files.";
            }

            public List<OptionSpec<?>> options() {
                return List.of(PATH, DELIMITER, MODE, TIMEOUT, RETRIES, PASSWORD, BUFFER);
            }

            public Source create(SourceContext context, Options options) {
                throw new UnsupportedOperationException();
            }

            public String defaultStreamName(Options options) {
                return "from_files";
            }
        };
        SinkConnector sink = new SinkConnector() {
            public String type() {
                return "warehouse";
            }

            public String description() {
                return "Test warehouse.";
            }

            public List<OptionSpec<?>> options() {
                return List.of(DATABASE, SCHEMA);
            }

            public Set<WriteMode> writeModes() {
                return Set.of(WriteMode.APPEND, WriteMode.MERGE);
            }

            public Sink create(SinkContext context, Options options) {
                throw new UnsupportedOperationException();
            }
        };
        return new ConnectorRegistry(List.of(source), List.of(sink), List.of());
    }
}
