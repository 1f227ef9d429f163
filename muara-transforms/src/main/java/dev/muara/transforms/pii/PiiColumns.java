package dev.muara.transforms.pii;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import java.util.List;
import java.util.Set;

/** The option every personal-data transform takes, and what it protects. */
final class PiiColumns {

    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns",
            "The columns to protect; any type (the result is text).").required();

    private PiiColumns() {
    }

    static Set<String> of(Options options) {
        return Set.copyOf(options.get(COLUMNS));
    }
}
