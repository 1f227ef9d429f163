package dev.muara.transforms.lists;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: split}. */
public final class SplitConnector extends TransformType {

    static final OptionSpec<String> COLUMN = OptionSpec.string("column", "The text column to split.").required();
    static final OptionSpec<String> SEPARATOR = OptionSpec.string("separator",
            "The text between elements, taken literally (not a regular expression).").withDefault(",");
    static final OptionSpec<Boolean> TRIM = OptionSpec.bool("trim", "Remove white space around each element.")
            .withDefault(true);

    public SplitConnector() {
        super("split", "Turns text into a list (a JSON array of strings): 'a, b' becomes [\"a\",\"b\"].",
                List.of(COLUMN, SEPARATOR, TRIM),
                options -> new Split(options.get(COLUMN), options.get(SEPARATOR), options.get(TRIM)));
    }
}
