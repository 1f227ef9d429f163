package dev.muara.transforms.cast;

import dev.muara.api.option.ColumnSpec;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Map;

/** {@code type: cast}. */
public final class CastConnector extends TransformType {

    static final OptionSpec<Map<String, ColumnSpec>> COLUMNS = OptionSpec.columnTypes("columns",
            "Column to its new type, with a format where text must be read a certain way: {amount: decimal(12,2), "
                    + "day: {type: date, format: dd/MM/yyyy}, active: {type: boolean, format: J/N}}. A value that "
                    + "does not convert sends its row to the dead-letter file.").required();

    public CastConnector() {
        super("cast", "Changes column types; a value that does not convert is rejected with its row.", List.of(COLUMNS),
                CastConnector::cast);
    }

    private static Transform cast(Options options) {
        try {
            return new Cast(options.get(COLUMNS));
        } catch (IllegalArgumentException e) {
            throw options.invalid(COLUMNS, e.getMessage());
        }
    }
}
