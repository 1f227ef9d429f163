package dev.muara.transforms.quality;

import dev.muara.api.data.DataType;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import dev.muara.transforms.expression.ExpressionLanguage;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code type: check}. */
public final class CheckConnector extends TransformType {

    static final OptionSpec<String> RULE = OptionSpec.oneOf("rule",
            "not_null; unique (within the run); range (min, max); regex (pattern, matching the whole value); in (values); "
                    + "expression (a CEL condition on the row).",
            "not_null", "unique", "range", "regex", "in", "expression").required();
    static final OptionSpec<String> COLUMN = OptionSpec.string("column",
            "The column checked; for an expression rule, optional: the column whose values the report shows.");
    static final OptionSpec<String> ACTION = OptionSpec.oneOf("action",
            "What a row that breaks the rule does: reject (to the dead-letter file), warn (counted, loaded) or fail "
                    + "(the run stops; nothing after the last commit is loaded).", "reject", "warn", "fail")
            .withDefault("reject");
    static final OptionSpec<String> NAME = OptionSpec.string("name",
            "The rule's name in the quality report and the dead letters; default: rule and column, as range amount.");
    static final OptionSpec<String> MIN = OptionSpec.string("min", "range: the lowest value allowed, as the column's type.");
    static final OptionSpec<String> MAX = OptionSpec.string("max", "range: the highest value allowed, as the column's type.");
    static final OptionSpec<String> PATTERN = OptionSpec.string("pattern",
            "regex: a Java regular expression the whole value must match.");
    static final OptionSpec<List<String>> VALUES = OptionSpec.stringList("values",
            "in: the values allowed, written as the column's type.");
    static final OptionSpec<String> EXPRESSION = OptionSpec.string("expression",
            "expression: a CEL condition the row must meet, such as amount * double(qty) > 0 (see Expressions); false, "
                    + "null or a failure (a null operand) breaks the rule. At most " + ExpressionLanguage.MAX_LENGTH
                    + " characters.");
    static final OptionSpec<Long> MAX_KEYS = OptionSpec.integer("max_keys",
            "unique: the most values remembered; beyond it the oldest are forgotten.").withDefault(1_000_000L);

    public CheckConnector() {
        super("check", "A data quality rule on a column or a row: rows that break it are rejected, counted, or fail the run.",
                List.of(RULE, COLUMN, ACTION, NAME, MIN, MAX, PATTERN, VALUES, EXPRESSION, MAX_KEYS), CheckConnector::check);
    }

    private static Transform check(Options options) {
        String rule = options.get(RULE);
        String column = options.get(COLUMN);
        List<OptionSpec<?>> needed = switch (rule) {
            case "range" -> List.of(MIN, MAX);
            case "regex" -> List.of(PATTERN);
            case "in" -> List.of(VALUES);
            case "unique" -> List.of(MAX_KEYS);
            case "expression" -> List.of(EXPRESSION);
            default -> List.of();
        };
        for (OptionSpec<?> spec : List.of(MIN, MAX, PATTERN, VALUES, EXPRESSION, MAX_KEYS)) {
            if (options.isSet(spec) && !needed.contains(spec)) {
                throw options.invalid(spec, "does not apply to the rule " + rule);
            }
        }
        Check.Action action = Check.Action.valueOf(options.get(ACTION).toUpperCase(Locale.ROOT));
        if (rule.equals("expression")) {
            String expression = condition(options);
            String name = options.get(NAME) != null ? options.get(NAME) : "expression " + expression;
            return new Check(name, column, action, ExpressionRule.of(name, expression, column));
        }
        if (column == null) {
            throw options.invalid(RULE, "the rule " + rule + " needs a column");
        }
        String name = options.get(NAME) != null ? options.get(NAME) : rule + " " + column;
        Function<DataType, Rule> rules = switch (rule) {
            case "not_null" -> type -> Rules.notNull();
            case "unique" -> {
                long maxKeys = options.get(MAX_KEYS);
                yield type -> Rules.unique(maxKeys);
            }
            case "range" -> {
                if (options.get(MIN) == null && options.get(MAX) == null) {
                    throw options.invalid(RULE, "a range needs min, max or both");
                }
                yield type -> Rules.range(type, name, options.get(MIN), options.get(MAX));
            }
            case "regex" -> {
                if (options.get(PATTERN) == null) {
                    throw options.invalid(RULE, "a regex rule needs a pattern");
                }
                Pattern pattern;
                try {
                    pattern = Pattern.compile(options.get(PATTERN));
                } catch (PatternSyntaxException e) {
                    throw options.invalid(PATTERN, "not a regular expression: " + e.getDescription());
                }
                yield type -> Rules.regex(pattern);
            }
            default -> {
                if (options.get(VALUES) == null || options.get(VALUES).isEmpty()) {
                    throw options.invalid(RULE, "an in rule needs values");
                }
                List<String> values = options.get(VALUES);
                yield type -> Rules.in(type, name, values);
            }
        };
        return new Check(name, column, action, Check.onColumn(name, column, rules));
    }

    /** The expression, once its syntax is right: a typo fails here, before any schema is known. */
    private static String condition(Options options) {
        String expression = options.get(EXPRESSION);
        if (expression == null) {
            throw options.invalid(RULE, "an expression rule needs an expression");
        }
        String problem = ExpressionLanguage.syntaxProblem(expression);
        if (problem != null) {
            throw options.invalid(EXPRESSION, "'" + expression + "' " + problem);
        }
        return expression;
    }
}
