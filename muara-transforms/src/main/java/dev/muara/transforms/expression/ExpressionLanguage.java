package dev.muara.transforms.expression;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Google's CEL as Muara's expression language: the limits that keep an expression bounded, and how an expression is
 * checked against a schema. CEL itself has no I/O, no reflection and no loops but its comprehension macros; the
 * limits here bound those, the expression's size and the regular expressions it may build.
 */
public final class ExpressionLanguage {

    /** The longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 4096;
    /** Iterations of comprehensions ({@code map}, {@code filter}, {@code exists}, ...) one row may take, in all. */
    public static final int MAX_ITERATIONS = 10_000;
    /**
     * What one row's evaluation may make, counted as one per step plus the characters, bytes and elements of every
     * value made: bounds the memory of an expression that builds large strings or lists.
     */
    public static final long MAX_COST = 10_000_000;
    /** How deeply an expression may nest. */
    static final int MAX_DEPTH = 64;
    /** The largest compiled program a regular expression may make (RE2, so matching is linear anyway). */
    static final int MAX_REGEX_PROGRAM = 1000;
    /** The variable holding every column by name, for names that are not identifiers. */
    public static final String ROW = "row";

    private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
            "var", "void", "while", ROW);

    static final CelOptions OPTIONS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxParseRecursionDepth(MAX_DEPTH)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .maxRegexProgramSize(MAX_REGEX_PROGRAM)
            .enableHiddenAccumulatorVar(true)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    /**
     * CEL's string functions but {@code replace}: its result can be thousands of times its input, the one way a
     * single step could outgrow the cost budget before it is counted. The replace transform does that job.
     */
    private static final CelStringExtensions STRINGS = CelExtensions.strings(EnumSet.complementOf(
            EnumSet.of(CelStringExtensions.Function.REPLACE)));

    /**
     * CEL's interpreter, built on first use: loading it takes about half a second of a run's start, and a run whose
     * expressions are all evaluated directly ({@link DirectExpression}) may never need it.
     */
    private static final class Interpreter {
        static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
                .addLibraries(STRINGS).build();
    }

    private static final CelCompiler PARSER = compilerBuilder().build();

    private ExpressionLanguage() {
    }

    private static CelCompilerBuilder compilerBuilder() {
        return CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS).addLibraries(STRINGS);
    }

    /**
     * Checks the syntax of {@code expression}, before any schema is known.
     *
     * @return the problem in one sentence, or null when the expression parses
     */
    public static String syntaxProblem(String expression) {
        CelValidationResult parsed = PARSER.parse(expression);
        return parsed.hasError() ? describe(parsed.getErrors()) : null;
    }

    /**
     * {@code expression} compiled against the columns of {@code schema}: each column whose name is an identifier is
     * a variable of its own, and {@code row} maps every column name to its value.
     *
     * @param transform names the transform in messages, like {@code "derive total"}
     * @throws MuaraException of kind config naming the transform, the expression and CEL's reason
     */
    public static CompiledExpression compile(String transform, String expression, Schema schema) {
        return compile(transform, expression, schema, true);
    }

    /** Like {@link #compile(String, String, Schema)}; without {@code direct}, CEL's interpreter evaluates every row. */
    static CompiledExpression compile(String transform, String expression, Schema schema, boolean direct) {
        CelCompilerBuilder builder = compilerBuilder().addVar(ROW, MapType.create(SimpleType.STRING, SimpleType.DYN));
        Map<String, Integer> variables = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            Field field = schema.field(i);
            if (isIdentifier(field.name())) {
                builder.addVar(field.name(), CelValues.celType(field.type()));
                variables.put(field.name(), i);
            }
        }
        CelValidationResult checked = builder.build().compile(expression);
        if (checked.hasError()) {
            throw invalid(transform, expression, describe(checked.getErrors()), schema);
        }
        try {
            CelAbstractSyntaxTree ast = checked.getAst();
            boolean bounded = boundedBySize(ast);
            // the direct form counts no cost, so it takes only expressions that need no counting
            DirectExpression directForm = direct && bounded ? DirectExpression.of(ast, variables, schema) : null;
            // with a direct form, CEL's program is made for the first row the direct form leaves undecided
            return new CompiledExpression(expression, ast, directForm == null ? program(ast) : null, schema, variables,
                    bounded, directForm);
        } catch (CelValidationException | CelEvaluationException e) {
            throw invalid(transform, expression, e.getMessage(), schema);
        }
    }

    /** CEL's program for a checked expression. */
    static CelRuntime.Program program(CelAbstractSyntaxTree ast) throws CelEvaluationException {
        return Interpreter.RUNTIME.createProgram(ast);
    }

    /**
     * Like {@link #compile}, for an expression that must give a bool: a filter's or a quality rule's condition.
     *
     * @param purpose what the bool decides, ending the message of a wrong type ({@code "a filter keeps the rows on
     *     which it is true"})
     */
    public static CompiledExpression compileCondition(String transform, String expression, Schema schema, String purpose) {
        CompiledExpression compiled = compile(transform, expression, schema);
        CelType type = unwrapped(compiled.resultType());
        if (!type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
            throw invalid(transform, expression, "gives a " + type.name() + ", not a bool: " + purpose, schema);
        }
        return compiled;
    }

    /**
     * Whether an evaluation's cost is bounded by the expression's own size, so it needs no counting: no loop
     * (comprehension), and no step that makes a string, bytes, list or map (which could grow with each step, as
     * {@code s + s + s}); reading such a value from a column or writing a constant makes nothing new.
     * {@code id % 10} and {@code amount > 0.0 && status != 'x'} are; {@code name + '!'} is not.
     */
    static boolean boundedBySize(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes().allMatch(node -> {
            CelExpr.ExprKind.Kind kind = node.expr().exprKind().getKind();
            if (kind == CelExpr.ExprKind.Kind.COMPREHENSION) {
                return false;
            }
            if (kind == CelExpr.ExprKind.Kind.IDENT || kind == CelExpr.ExprKind.Kind.CONSTANT) {
                return true;
            }
            CelType type = unwrapped(ast.getType(node.id()).orElse(SimpleType.DYN));
            return type.equals(SimpleType.BOOL) || type.equals(SimpleType.INT) || type.equals(SimpleType.UINT)
                    || type.equals(SimpleType.DOUBLE) || type.equals(SimpleType.TIMESTAMP)
                    || type.equals(SimpleType.DURATION) || type.equals(SimpleType.NULL_TYPE);
        });
    }

    /** Whether CEL can name a column directly; other columns are reached through {@code row['name']}. */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }

    static MuaraException invalid(String transform, String expression, String problem, Schema schema) {
        return MuaraException.config("transform " + transform + ": the expression " + quote(expression) + " " + problem)
                .withHint("the columns here, as CEL sees them: " + columnsAsCel(schema)
                        + "; see docs/transforms.md, Expressions");
    }

    private static String columnsAsCel(Schema schema) {
        List<String> columns = new ArrayList<>();
        for (Field field : schema.fields()) {
            String name = isIdentifier(field.name()) ? field.name() : ROW + "['" + field.name() + "']";
            columns.add(name + " " + CelValues.celTypeName(field.type()));
        }
        return columns.isEmpty() ? "none" : String.join(", ", columns);
    }

    /** CEL's first issue as the end of a sentence: {@code "has an error at 1:8: undeclared reference to 'x'"}. */
    private static String describe(List<CelIssue> issues) {
        CelIssue first = issues.get(0);
        String where = first.getSourceLocation().getLine() > 0
                ? " at " + first.getSourceLocation().getLine() + ":" + (first.getSourceLocation().getColumn() + 1) : "";
        String more = issues.size() > 1 ? " (and " + (issues.size() - 1) + " more)" : "";
        return "has an error" + where + ": " + first.getMessage() + more;
    }

    static String quote(String expression) {
        String flat = expression.replace('\n', ' ');
        return "'" + (flat.length() > 80 ? flat.substring(0, 80) + "…" : flat) + "'";
    }

    static CelType unwrapped(CelType type) {
        return type instanceof dev.cel.common.types.NullableType nullable ? nullable.targetType() : type;
    }
}
