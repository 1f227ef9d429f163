package dev.muara.transforms.pii;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code type: redact}. */
public final class RedactConnector extends TransformType {

    static final OptionSpec<String> VALUE = OptionSpec.string("value",
            "What every value becomes. Nulls stay null: a missing value says nothing about anyone.")
            .withDefault("[REDACTED]");

    public RedactConnector() {
        super("redact", "Replaces every value of personal-data columns with one constant; nulls stay null.",
                List.of(PiiColumns.COLUMNS, VALUE), options -> {
                    String value = options.get(VALUE);
                    UnaryOperator<String> redaction = text -> value;
                    return new PiiMapping("redact", options.get(PiiColumns.COLUMNS), redaction);
                });
    }

    @Override
    public Set<String> protectedColumns(Options options) {
        return PiiColumns.of(options);
    }
}
