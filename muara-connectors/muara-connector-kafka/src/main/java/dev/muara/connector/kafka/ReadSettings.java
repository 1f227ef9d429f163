package dev.muara.connector.kafka;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.formats.message.MessageOptions;
import dev.muara.formats.message.PayloadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * What one stream of a Kafka source reads and how, from its options, checked when the source is created.
 *
 * @param topics the topics to read, or null when {@code topicPattern} chooses them
 * @param topicPattern a pattern a topic's whole name must match, or null
 * @param groupId the consumer group that offsets are committed to
 * @param start where a partition without a stored or committed offset starts
 * @param metadata whether rows get the record's metadata columns
 * @param payload how JSON, CSV, text or bytes payloads become rows; null for Avro
 * @param avroSchema the writer's schema of Avro payloads; null for other formats
 */
record ReadSettings(List<String> topics, Pattern topicPattern, String groupId, Start start, boolean metadata,
        PayloadSettings payload, Schema avroSchema) {

    /** The largest Avro schema file read. */
    private static final long MAX_SCHEMA_FILE = 4 << 20;

    /**
     * Where a partition starts when neither the pipeline state nor the consumer group has an offset for it.
     *
     * @param latest true to start at the end (only records produced from now on), false for the beginning
     * @param time the time from which to read records, or null
     */
    record Start(boolean latest, Instant time) {
        static final Start EARLIEST = new Start(false, null);
        static final Start LATEST = new Start(true, null);
    }

    static ReadSettings of(Options options, String pipeline, Path base) {
        List<String> topics = options.get(KafkaOptions.TOPICS);
        String patternText = options.get(KafkaOptions.TOPIC_PATTERN);
        if ((topics == null || topics.isEmpty()) == (patternText == null)) {
            throw options.invalid(topics == null ? KafkaOptions.TOPICS : KafkaOptions.TOPIC_PATTERN,
                    "give either topics or topic_pattern (one of the two)");
        }
        Pattern pattern = null;
        if (patternText != null) {
            try {
                pattern = Pattern.compile(patternText);
            } catch (PatternSyntaxException e) {
                throw options.invalid(KafkaOptions.TOPIC_PATTERN, "not a regular expression: " + e.getDescription());
            }
        } else {
            for (String topic : topics) {
                if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
                    throw options.invalid(KafkaOptions.TOPICS, "'" + topic + "' is not a topic name (letters, digits, . _ -)");
                }
            }
        }
        String group = options.get(KafkaOptions.GROUP_ID);
        Start start = start(options);
        boolean avro = options.get(KafkaOptions.FORMAT).equals("avro");
        if (!avro) {
            for (OptionSpec<String> option : List.of(KafkaOptions.AVRO_SCHEMA, KafkaOptions.AVRO_SCHEMA_FILE)) {
                if (options.isSet(option)) {
                    throw options.invalid(option, "applies to format: avro only");
                }
            }
            return new ReadSettings(topics, pattern, group == null ? "muara-" + pipeline : group, start,
                    options.get(MessageOptions.METADATA), MessageOptions.payload(options), null);
        }
        for (OptionSpec<?> option : List.of(MessageOptions.COLUMNS, MessageOptions.COLUMN_NAMES, MessageOptions.DELIMITER,
                MessageOptions.FLATTEN)) {
            if (options.isSet(option)) {
                throw options.invalid(option, "does not apply to format: avro, whose schema gives the columns");
            }
        }
        return new ReadSettings(topics, pattern, group == null ? "muara-" + pipeline : group, start,
                options.get(MessageOptions.METADATA), null, avroSchema(options, base));
    }

    private static Start start(Options options) {
        String text = options.get(KafkaOptions.START).strip();
        if (text.equalsIgnoreCase("earliest")) {
            return Start.EARLIEST;
        }
        if (text.equalsIgnoreCase("latest")) {
            return Start.LATEST;
        }
        try {
            return new Start(false, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return new Start(false, Instant.parse(text));
            } catch (DateTimeParseException again) {
                throw options.invalid(KafkaOptions.START,
                        "'" + text + "' is not earliest, latest or an ISO-8601 time with a zone (2024-05-01T00:00:00Z)");
            }
        }
    }

    private static Schema avroSchema(Options options, Path base) {
        String inline = options.get(KafkaOptions.AVRO_SCHEMA);
        String file = options.get(KafkaOptions.AVRO_SCHEMA_FILE);
        if ((inline == null) == (file == null)) {
            throw options.invalid(inline == null ? KafkaOptions.AVRO_SCHEMA : KafkaOptions.AVRO_SCHEMA_FILE,
                    "format: avro needs the writer's schema: give avro_schema or avro_schema_file (one of the two)");
        }
        OptionSpec<String> option = inline != null ? KafkaOptions.AVRO_SCHEMA : KafkaOptions.AVRO_SCHEMA_FILE;
        String text = inline;
        if (file != null) {
            Path path = base.resolve(file).normalize();
            try {
                if (Files.size(path) > MAX_SCHEMA_FILE) {
                    throw options.invalid(option, path + " is larger than 4 MB: it should hold one Avro schema");
                }
                text = Files.readString(path);
            } catch (IOException e) {
                throw options.invalid(option, "cannot read " + path + ": " + e.getMessage());
            }
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException | IllegalArgumentException e) {
            throw options.invalid(option, "not an Avro schema: " + e.getMessage());
        }
    }
}
