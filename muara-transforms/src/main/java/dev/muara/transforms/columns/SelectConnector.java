package dev.muara.transforms.columns;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: select}. */
public final class SelectConnector extends TransformType {

    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns",
            "The columns to keep, in the order they should have; the others are dropped.").required();

    public SelectConnector() {
        super("select", "Keeps the named columns, in the order named.", List.of(COLUMNS),
                options -> Select.keeping(options.get(COLUMNS)));
    }
}
