package dev.muara.transforms.columns;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Set;

/** {@code type: drop}. */
public final class DropConnector extends TransformType {

    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns", "The columns to leave out.")
            .required();

    public DropConnector() {
        super("drop", "Leaves out the named columns (personal data that must not land, columns nobody needs).",
                List.of(COLUMNS), options -> Select.dropping(options.get(COLUMNS)));
    }

    @Override
    public Set<String> protectedColumns(Options options) {
        return Set.copyOf(options.get(COLUMNS));
    }
}
