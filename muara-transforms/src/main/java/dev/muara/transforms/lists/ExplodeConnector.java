package dev.muara.transforms.lists;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: explode}. */
public final class ExplodeConnector extends TransformType {

    static final OptionSpec<String> COLUMN = OptionSpec.string("column", "The JSON array column.").required();
    static final OptionSpec<Boolean> KEEP_EMPTY = OptionSpec.bool("keep_empty",
            "Keep a row whose array is empty or null, with a null; otherwise it is dropped.").withDefault(false);

    public ExplodeConnector() {
        super("explode", "Makes one row per element of a JSON array column, repeating the other columns.",
                List.of(COLUMN, KEEP_EMPTY), options -> new Explode(options.get(COLUMN), options.get(KEEP_EMPTY)));
    }
}
