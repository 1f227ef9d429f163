package dev.muara.transforms.expression;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;

/** The {@code expression} option derive and filter share, checked for syntax when the pipeline is validated. */
final class ExpressionOptions {

    private ExpressionOptions() {
    }

    static OptionSpec<String> expression(String description) {
        return OptionSpec.string("expression", description + " At most " + ExpressionLanguage.MAX_LENGTH
                + " characters.").required();
    }

    /** The expression, once its syntax is right: a typo fails here, before any schema is known. */
    static String parsed(Options options, OptionSpec<String> spec) {
        String expression = options.get(spec);
        String problem = ExpressionLanguage.syntaxProblem(expression);
        if (problem != null) {
            throw options.invalid(spec, ExpressionLanguage.quote(expression) + " " + problem);
        }
        return expression;
    }
}
