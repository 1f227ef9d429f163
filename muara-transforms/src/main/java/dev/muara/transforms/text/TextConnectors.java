package dev.muara.transforms.text;

import dev.muara.api.option.OptionSpec;
import java.util.List;

/** The option every value-by-value text transform takes. */
final class TextConnectors {

    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns",
            "The text columns to change; default: every text column.");

    private TextConnectors() {
    }
}
