package dev.muara.transforms.columns;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Map;

/** {@code type: rename}. */
public final class RenameConnector extends TransformType {

    static final OptionSpec<Map<String, String>> COLUMNS = OptionSpec.stringMap("columns",
            "Old name to new name: {cust_no: customer_id}.").required();

    public RenameConnector() {
        super("rename", "Gives columns new names.", List.of(COLUMNS), options -> new Rename(options.get(COLUMNS)));
    }
}
