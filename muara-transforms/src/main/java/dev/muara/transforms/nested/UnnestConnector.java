package dev.muara.transforms.nested;

import dev.muara.api.option.OptionSpec;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: unnest}. */
public final class UnnestConnector extends TransformType {

    static final OptionSpec<String> COLUMN = OptionSpec.string("column",
            "The JSON column whose arrays of objects become rows of the child table <stream>__<column>.").required();
    static final OptionSpec<Long> MAX_DEPTH = OptionSpec.integer("max_depth",
            "Levels of child tables: 1 makes only <stream>__<column>; 2 also makes a table of each array of objects "
                    + "inside its elements (<stream>__<column>__<key>), and so on. Deeper arrays stay JSON in their row.")
            .withDefault(2L).atLeast(1).atMost(10);

    public UnnestConnector() {
        super("unnest", "Moves the arrays of objects of a JSON column into child tables, linked by generated keys.",
                List.of(COLUMN, MAX_DEPTH), options -> new Unnest(options.get(COLUMN), options.get(MAX_DEPTH).intValue()));
    }
}
