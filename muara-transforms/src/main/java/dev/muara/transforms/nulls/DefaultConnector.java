package dev.muara.transforms.nulls;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Map;

/** {@code type: default}. */
public final class DefaultConnector extends TransformType {

    static final OptionSpec<Map<String, String>> COLUMNS = OptionSpec.stringMap("columns",
            "Column to the value that replaces its nulls, written as text of the column's type: {country: ID, qty: 0}.")
            .required();

    public DefaultConnector() {
        super("default", "Replaces nulls with a value per column.", List.of(COLUMNS),
                options -> new Defaults(options.get(COLUMNS)));
    }
}
