package dev.muara.transforms.expression;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: filter}. */
public final class FilterConnector extends TransformType {

    static final OptionSpec<String> EXPRESSION = ExpressionOptions.expression(
            "A CEL condition over the row's columns, such as status != 'cancelled' && amount > 0. Rows on which it is "
                    + "false or null are left out; a row on which it fails goes to the dead-letter file.");

    public FilterConnector() {
        super("filter", "Keeps the rows on which a CEL condition is true.", List.of(EXPRESSION), FilterConnector::filter);
    }

    private static Transform filter(Options options) {
        return new Filter(ExpressionOptions.parsed(options, EXPRESSION));
    }
}
