package dev.muara.transforms.expression;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.muara.api.data.Batch;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked expression of the common, simple kind (columns and constants of numbers, bools and text with arithmetic,
 * comparison, logic and the conditional operator, as in {@code id % 10} or {@code amount > 0.0 && status != 'x'})
 * evaluated by plain Java instead of CEL's interpreter, which costs several times more per row and a second of JIT
 * work at the start of a run. It answers only where its answer is certain to be CEL's: on a null operand, an int
 * overflow, a division by zero, a NaN or a pair of types it does not handle it gives up ({@link #UNDECIDED}) and
 * CEL evaluates the row, so results and error messages are always CEL's own.
 */
final class DirectExpression {

    /** Column types whose CEL value is a Boolean, Long, Double or String (or null). */
    private static final Set<TypeKind> DIRECT_TYPES = EnumSet.of(TypeKind.BOOLEAN, TypeKind.INT32, TypeKind.INT64,
            TypeKind.FLOAT64, TypeKind.DECIMAL, TypeKind.STRING, TypeKind.JSON);

    /** A row on which CEL must decide. */
    static final Object UNDECIDED = new Object();

    /** One node of the expression. */
    @FunctionalInterface
    private interface Node {
        Object eval(Batch batch, int row);
    }

    private final Node root;

    private DirectExpression(Node root) {
        this.root = root;
    }

    /**
     * The direct form of {@code ast}, or null when it uses anything outside the subset (a function, a macro, a
     * list, {@code row[...]}, a column of another type).
     */
    static DirectExpression of(CelAbstractSyntaxTree ast, Map<String, Integer> variables, Schema schema) {
        Node root = node(ast.getExpr(), ast, variables, schema);
        return root == null ? null : new DirectExpression(root);
    }

    /** The value of the expression on {@code row} (Long, Double, Boolean, String), or {@link #UNDECIDED}. */
    Object evaluate(Batch batch, int row) {
        Object value = root.eval(batch, row);
        return value instanceof NullValue ? UNDECIDED : value;
    }

    private static Node node(CelExpr expr, CelAbstractSyntaxTree ast, Map<String, Integer> variables, Schema schema) {
        return switch (expr.exprKind().getKind()) {
            case CONSTANT -> constant(expr.constant());
            case IDENT -> column(expr.ident().name(), variables, schema);
            case CALL -> expr.call().target().isPresent() ? null : call(expr.call().function(), expr.call().args(),
                    ast, variables, schema);
            default -> null;
        };
    }

    private static Node constant(CelConstant constant) {
        Object value = switch (constant.getKind()) {
            case NULL_VALUE -> NullValue.NULL_VALUE;
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            default -> null;
        };
        return value == null ? null : (batch, row) -> value;
    }

    private static Node column(String name, Map<String, Integer> variables, Schema schema) {
        Integer index = variables.get(name);
        if (index == null || !DIRECT_TYPES.contains(schema.field(index).type().kind())) {
            return null;
        }
        int column = index;
        return (batch, row) -> CelValues.value(batch.column(column), row);
    }

    private static Node call(String function, List<CelExpr> args, CelAbstractSyntaxTree ast,
            Map<String, Integer> variables, Schema schema) {
        if (args.size() == 2 && !function.equals("_&&_") && !function.equals("_||_")
                && !sameType(ast, args.get(0), args.get(1))) {
            return null; // an int against a double, say: CEL's numeric comparisons across types decide those
        }
        Node[] operands = new Node[args.size()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = node(args.get(i), ast, variables, schema);
            if (operands[i] == null) {
                return null;
            }
        }
        if (operands.length == 1) {
            Node operand = operands[0];
            return switch (function) {
                case "!_" -> (batch, row) -> operand.eval(batch, row) instanceof Boolean b ? !b : UNDECIDED;
                case "-_" -> (batch, row) -> negate(operand.eval(batch, row));
                default -> null;
            };
        }
        if (operands.length == 3 && function.equals("_?_:_")) {
            Node condition = operands[0];
            Node then = operands[1];
            Node otherwise = operands[2];
            return (batch, row) -> condition.eval(batch, row) instanceof Boolean b
                    ? (b ? then : otherwise).eval(batch, row) : UNDECIDED;
        }
        if (operands.length != 2) {
            return null;
        }
        Node left = operands[0];
        Node right = operands[1];
        boolean numbers = isNumber(ast, args.get(0));
        return switch (function) {
            case "_&&_" -> (batch, row) -> logical(left, right, batch, row, false);
            case "_||_" -> (batch, row) -> logical(left, right, batch, row, true);
            case "_==_" -> (batch, row) -> equal(left.eval(batch, row), right.eval(batch, row), true);
            case "_!=_" -> (batch, row) -> equal(left.eval(batch, row), right.eval(batch, row), false);
            case "_<_", "_<=_", "_>_", "_>=_" -> numbers ? comparison(function, left, right) : null;
            case "_+_", "_-_", "_*_", "_/_", "_%_" -> numbers ? arithmetic(function, left, right) : null;
            default -> null;
        };
    }

    private static boolean isNumber(CelAbstractSyntaxTree ast, CelExpr expr) {
        CelType type = ExpressionLanguage.unwrapped(ast.getType(expr.id()).orElse(SimpleType.DYN));
        return type.equals(SimpleType.INT) || type.equals(SimpleType.DOUBLE);
    }

    /** Whether the checker gave both operands one type (a null constant matches any). */
    private static boolean sameType(CelAbstractSyntaxTree ast, CelExpr left, CelExpr right) {
        CelType l = ExpressionLanguage.unwrapped(ast.getType(left.id()).orElse(SimpleType.DYN));
        CelType r = ExpressionLanguage.unwrapped(ast.getType(right.id()).orElse(SimpleType.DYN));
        return !l.equals(SimpleType.DYN) && (l.equals(r) || l.equals(SimpleType.NULL_TYPE)
                || r.equals(SimpleType.NULL_TYPE));
    }

    /**
     * CEL's {@code &&} and {@code ||} are commutative over errors ({@code error && false} is false), so a side that
     * decides alone answers; anything else undecided goes to CEL whole.
     */
    private static Object logical(Node left, Node right, Batch batch, int row, boolean decidingValue) {
        Object l = left.eval(batch, row);
        if (!(l instanceof Boolean lb)) {
            return UNDECIDED;
        }
        if (lb == decidingValue) {
            return lb;
        }
        Object r = right.eval(batch, row);
        return r instanceof Boolean ? r : UNDECIDED;
    }

    private static Object equal(Object l, Object r, boolean equal) {
        if (l == UNDECIDED || r == UNDECIDED) {
            return UNDECIDED;
        }
        boolean same;
        if (l instanceof NullValue || r instanceof NullValue) {
            same = l == r;
        } else if (l instanceof Long a && r instanceof Long b) {
            same = a.longValue() == b.longValue();
        } else if (l instanceof Double a && r instanceof Double b) {
            if (a.isNaN() || b.isNaN()) {
                return UNDECIDED;
            }
            same = a.doubleValue() == b.doubleValue();
        } else if ((l instanceof String && r instanceof String) || (l instanceof Boolean && r instanceof Boolean)) {
            same = l.equals(r);
        } else {
            return UNDECIDED;
        }
        return same == equal;
    }

    /** Chooses the operator once, when the expression is built, not on every row. */
    private static Node comparison(String function, Node left, Node right) {
        java.util.function.IntPredicate holds = switch (function) {
            case "_<_" -> order -> order < 0;
            case "_<=_" -> order -> order <= 0;
            case "_>_" -> order -> order > 0;
            default -> order -> order >= 0;
        };
        return (batch, row) -> {
            Object l = left.eval(batch, row);
            Object r = right.eval(batch, row);
            if (l instanceof Long a && r instanceof Long b) {
                return holds.test(Long.compare(a, b));
            }
            if (l instanceof Double a && r instanceof Double b && !a.isNaN() && !b.isNaN()) {
                return holds.test(a < b ? -1 : a > b ? 1 : 0); // 0.0 and -0.0 are equal, as in CEL
            }
            return UNDECIDED;
        };
    }

    /** CEL's arithmetic on two ints or two doubles; an int overflow or division by zero is CEL's to report. */
    private enum Arithmetic {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER;

        static Arithmetic of(String function) {
            return switch (function) {
                case "_+_" -> ADD;
                case "_-_" -> SUBTRACT;
                case "_*_" -> MULTIPLY;
                case "_/_" -> DIVIDE;
                default -> REMAINDER;
            };
        }

        Object apply(long a, long b) {
            try {
                return switch (this) {
                    case ADD -> Math.addExact(a, b);
                    case SUBTRACT -> Math.subtractExact(a, b);
                    case MULTIPLY -> Math.multiplyExact(a, b);
                    case DIVIDE -> b == 0 || (a == Long.MIN_VALUE && b == -1) ? UNDECIDED : (Object) (a / b);
                    case REMAINDER -> b == 0 || (a == Long.MIN_VALUE && b == -1) ? UNDECIDED : (Object) (a % b);
                };
            } catch (ArithmeticException overflow) {
                return UNDECIDED;
            }
        }

        Object apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case REMAINDER -> UNDECIDED; // CEL has no % on doubles; the checker does not let one through
            };
        }
    }

    private static Node arithmetic(String function, Node left, Node right) {
        Arithmetic operator = Arithmetic.of(function);
        return (batch, row) -> {
            Object l = left.eval(batch, row);
            Object r = right.eval(batch, row);
            if (l instanceof Long a && r instanceof Long b) {
                return operator.apply(a.longValue(), b.longValue());
            }
            if (l instanceof Double a && r instanceof Double b) {
                return operator.apply(a.doubleValue(), b.doubleValue());
            }
            return UNDECIDED;
        };
    }

    private static Object negate(Object value) {
        if (value instanceof Long l) {
            return l == Long.MIN_VALUE ? UNDECIDED : (Object) (-l);
        }
        return value instanceof Double d ? (Object) (-d) : UNDECIDED;
    }
}
