package dev.muara.transforms.expression;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expression checked against one schema, ready to evaluate row by row. Immutable and safe to share between
 * reader threads; each thread evaluates through its own {@link Rows}.
 */
public final class CompiledExpression {

    private static final Pattern CEL_LOCATION = Pattern.compile("^evaluation error at <input>:(\\d+): ");

    private static final Pattern NO_OVERLOAD = Pattern.compile("No matching overload for function '_?([^_']+)_?'");

    private final String text;
    private final CelType resultType;
    private final CelAbstractSyntaxTree ast;
    /** Made when first needed if the expression has a direct form; two threads may each make one, which is harmless. */
    private volatile CelRuntime.Program program;
    private final Schema schema;
    private final Map<String, Integer> variables;

    /** Whether an evaluation is bounded by the expression's size, so it runs without counting its cost. */
    private final boolean boundedBySize;
    /** The expression in plain Java, for the rows it can decide; null when it is not of that simple kind. */
    private final DirectExpression direct;

    CompiledExpression(String text, CelAbstractSyntaxTree ast, CelRuntime.Program program, Schema schema,
            Map<String, Integer> variables, boolean boundedBySize, DirectExpression direct) {
        this.text = text;
        this.ast = ast;
        this.direct = direct;
        this.boundedBySize = boundedBySize;
        this.resultType = ast.getResultType();
        this.program = program;
        this.schema = schema;
        this.variables = Map.copyOf(variables);
    }

    /** Whether it runs without counting its cost: see {@link ExpressionLanguage#boundedBySize}. */
    boolean boundedBySize() {
        return boundedBySize;
    }

    /** Whether rows are evaluated in plain Java where they can be: see {@link DirectExpression}. */
    boolean direct() {
        return direct != null;
    }

    /** The CEL type of the result, as the checker found it. */
    CelType resultType() {
        return resultType;
    }

    private CelRuntime.Program program() throws CelEvaluationException {
        CelRuntime.Program made = program;
        if (made == null) {
            made = ExpressionLanguage.program(ast);
            program = made;
        }
        return made;
    }

    /** A view of {@code batch}'s rows for this expression to read, one row at a time. */
    public Rows rows(Batch batch) {
        return new Rows(batch);
    }

    /**
     * The rows of one batch as CEL variables. Values are read when the expression asks for them, so a column the
     * expression does not use costs nothing. Also counts what each evaluation makes against
     * {@link ExpressionLanguage#MAX_COST}.
     */
    public final class Rows implements CelVariableResolver, CelEvaluationListener {
        private final Batch batch;
        private int row;
        private long cost;

        private Rows(Batch batch) {
            this.batch = batch;
        }

        /**
         * The expression's value at {@code row}: Boolean, Long, Double, String, CelByteString, Instant, Duration,
         * a list or map, or {@code NullValue.NULL_VALUE}.
         *
         * @throws EvaluationFailure with CEL's reason when the expression fails on this row (a null operand, a
         *         division by zero, too many iterations)
         */
        public Object evaluate(int row) {
            if (direct != null) {
                Object value = direct.evaluate(batch, row);
                if (value != DirectExpression.UNDECIDED) {
                    return value;
                }
            }
            this.row = row;
            this.cost = 0;
            try {
                // counting every step costs about as much as the steps of a small expression
                CelRuntime.Program program = program();
                return boundedBySize ? program.eval(this) : program.trace(this, this);
            } catch (CelEvaluationException | RuntimeException e) {
                // CEL reports most failures as CelEvaluationException; anything else from inside it is still this row's
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof EvaluationFailure budget) {
                        throw budget;
                    }
                }
                throw new EvaluationFailure(reason(String.valueOf(e.getMessage())));
            }
        }

        @Override
        public void callback(CelExpr expr, Object result) {
            cost += 1 + switch (result) {
                case String s -> s.length();
                case CelByteString b -> b.size();
                case Collection<?> c -> c.size();
                case Map<?, ?> m -> m.size();
                case null, default -> 0;
            };
            if (cost > ExpressionLanguage.MAX_COST) {
                throw new EvaluationFailure("it made more than its budget of " + ExpressionLanguage.MAX_COST
                        + " (characters, bytes and list items, plus one per step)");
            }
        }

        @Override
        public Optional<Object> find(String name) {
            Integer column = variables.get(name);
            if (column != null) {
                return Optional.of(CelValues.value(batch.column(column), row));
            }
            if (ExpressionLanguage.ROW.equals(name)) {
                Map<String, Object> values = new HashMap<>();
                for (int c = 0; c < schema.size(); c++) {
                    values.put(schema.field(c).name(), CelValues.value(batch.column(c), row));
                }
                return Optional.of(values);
            }
            return Optional.empty();
        }
    }

    /**
     * CEL's reason with its position as a character of the expression; CEL's "no matching overload", which on a
     * row almost always means a null operand, says so.
     */
    private static String reason(String message) {
        Matcher location = CEL_LOCATION.matcher(message);
        if (!location.find()) {
            return message;
        }
        String reason = message.substring(location.end());
        Matcher overload = NO_OVERLOAD.matcher(reason);
        if (overload.lookingAt()) {
            reason = "'" + overload.group(1) + "' cannot take these values; is one of them null?";
        }
        return reason + " (at character " + (Integer.parseInt(location.group(1)) + 1) + ")";
    }

    /** Why the expression failed on one row; the transform sends the row to the dead letters with it. */
    public static final class EvaluationFailure extends RuntimeException {
        EvaluationFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
