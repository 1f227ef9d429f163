package dev.muara.transforms.time;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.formats.text.Temporal;
import dev.muara.transforms.TransformType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** {@code type: timestamp}. */
public final class TimestampConnector extends TransformType {

    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns",
            "The columns to normalise: text, dates, timestamps with or without a zone.").required();
    static final OptionSpec<String> ZONE = OptionSpec.string("zone",
            "The zone of values that carry none, as Asia/Jakarta or +07:00; values with a zone or offset keep theirs.")
            .withDefault("UTC");
    static final OptionSpec<String> TO = OptionSpec.string("to",
            "UTC gives a timestamptz (an instant); another zone gives a timestamp holding that zone's wall-clock time.")
            .withDefault("UTC");
    static final OptionSpec<String> FORMAT = OptionSpec.string("format",
            "How text values are written, as a pattern such as dd/MM/yyyy HH:mm or yyyy-MM-dd'T'HH:mmXXX; default ISO.");
    static final OptionSpec<String> AMBIGUOUS = OptionSpec.oneOf("ambiguous",
            "A local time that happens twice (clocks going back): the earlier or later instant, or reject the row.",
            "earlier", "later", "reject").withDefault("earlier");
    static final OptionSpec<String> NONEXISTENT = OptionSpec.oneOf("nonexistent",
            "A local time that never happens (clocks jumping forward): shift it forward by the gap, or reject the row.",
            "shift", "reject").withDefault("shift");

    public TimestampConnector() {
        super("timestamp", "Reads times in their zone and writes them in UTC or in another zone.",
                List.of(COLUMNS, ZONE, TO, FORMAT, AMBIGUOUS, NONEXISTENT), TimestampConnector::timestamps);
    }

    private static Transform timestamps(Options options) {
        if (options.get(FORMAT) != null) {
            try {
                Temporal.strictPattern(options.get(FORMAT));
            } catch (IllegalArgumentException e) {
                throw options.invalid(FORMAT, "not a date/time pattern: " + e.getMessage());
            }
        }
        return new Timestamps(options.get(COLUMNS), zone(options, ZONE), zone(options, TO), options.get(FORMAT),
                Timestamps.Ambiguous.valueOf(options.get(AMBIGUOUS).toUpperCase(Locale.ROOT)),
                Timestamps.Nonexistent.valueOf(options.get(NONEXISTENT).toUpperCase(Locale.ROOT)));
    }

    private static ZoneId zone(Options options, OptionSpec<String> spec) {
        try {
            return ZoneId.of(options.get(spec));
        } catch (DateTimeException e) {
            throw options.invalid(spec, "'" + options.get(spec) + "' is not a time zone (write it as Asia/Jakarta, "
                    + "UTC or +07:00)");
        }
    }
}
