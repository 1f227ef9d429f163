package dev.muara.transforms.nulls;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: coalesce}. */
public final class CoalesceConnector extends TransformType {

    static final OptionSpec<String> COLUMN = OptionSpec.string("column",
            "The column to set (added at the end when it does not exist).").required();
    static final OptionSpec<List<String>> FROM = OptionSpec.stringList("from",
            "The columns to take the value from, the first that is not null; all of one type.").required();

    public CoalesceConnector() {
        super("coalesce", "Sets a column to the first non-null value among several.", List.of(COLUMN, FROM),
                options -> new Coalesce(options.get(COLUMN), options.get(FROM)));
    }
}
