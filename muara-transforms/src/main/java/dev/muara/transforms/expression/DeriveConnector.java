package dev.muara.transforms.expression;

import dev.muara.api.data.DataType;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: derive}. */
public final class DeriveConnector extends TransformType {

    static final OptionSpec<String> COLUMN = OptionSpec.string("column",
            "The column to add, or to replace in place when one has this name.").required();
    static final OptionSpec<String> EXPRESSION = ExpressionOptions.expression(
            "A CEL expression over the row's columns, such as amount * quantity or name.upperAscii() (CEL's own "
                    + "functions only). A row on which it fails goes to the dead-letter file.");
    static final OptionSpec<String> AS = OptionSpec.string("as",
            "The column's type (" + DataType.NAMES + "); by default the expression's: int → int64, double → float64, "
                    + "string, bool → boolean, timestamp → timestamptz, bytes → binary. A value that does not convert "
                    + "sends its row to the dead-letter file.");

    public DeriveConnector() {
        super("derive", "Adds or replaces a column with the value of a CEL expression.", List.of(COLUMN, EXPRESSION, AS),
                DeriveConnector::derive);
    }

    private static Transform derive(Options options) {
        DataType type = null;
        if (options.isSet(AS)) {
            try {
                type = DataType.parse(options.get(AS));
            } catch (IllegalArgumentException e) {
                throw options.invalid(AS, e.getMessage());
            }
        }
        return new Derive(options.get(COLUMN), ExpressionOptions.parsed(options, EXPRESSION), type);
    }
}
