package dev.muara.transforms.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java form of simple expressions gives exactly what CEL's interpreter gives, row by row: the same value
 * of the same class, or the same failure with the same message, on random rows full of nulls and edge values.
 */
class DirectExpressionTest {

    private static final Schema SCHEMA = Schema.of(new Field("i", DataType.INT64), new Field("j", DataType.INT32),
            new Field("d", DataType.FLOAT64), new Field("m", DataType.decimal(12, 2)), new Field("s", DataType.STRING),
            new Field("b", DataType.BOOLEAN), new Field("t", DataType.TIMESTAMP_TZ));

    private static final List<String> DIRECT = List.of("i % 10", "i / j", "i % j", "i + j", "i - j", "i * j", "-i",
            "i * 3037000500", "i + 9223372036854775000", "d / 0.0", "d * 2.5 - m", "-d", "d + m > 100.0",
            "i > 0", "i <= j", "i >= 0 && j < 0", "d < 0.0 || i == 0", "!b", "b == true", "b != false",
            "s == 'Zürich'", "s != ''", "i == null", "s != null", "d == d", "d != 0.0", "i > 0 ? i : j",
            "b ? d : -d", "i", "s", "d", "b", "(i > 0 && d > 0.0) || (s == 'a' && !b)",
            "j / 0", "i % 0", "d >= m", "m == 0.0", "i > 5 && i < 5 || b");

    private static final List<String> NOT_DIRECT = List.of("i > d", "b ? s : 'none'", "size(s) > 2", "s + s == 'aa'",
            "s < 'b'", "row['i'] > 0", "t > timestamp('2024-01-01T00:00:00Z')", "[1, 2].exists(x, x == i)",
            "has(row.i)", "int(d) > i", "i in [1, 2]");

    @Test
    void gives_what_cel_gives_on_every_row() {
        Batch batch = rows(3_000, new SplittableRandom(20261126));
        for (String expression : DIRECT) {
            CompiledExpression direct = ExpressionLanguage.compile("test", expression, SCHEMA);
            CompiledExpression cel = ExpressionLanguage.compile("test", expression, SCHEMA, false);
            assertThat(direct.direct()).as(expression).isTrue();
            assertThat(cel.direct()).isFalse();
            CompiledExpression.Rows directRows = direct.rows(batch);
            CompiledExpression.Rows celRows = cel.rows(batch);
            for (int row = 0; row < batch.rowCount(); row++) {
                assertThat(outcome(directRows, row)).as("%s on row %d", expression, row)
                        .isEqualTo(outcome(celRows, row));
            }
        }
    }

    @Test
    void leaves_everything_else_to_cel() {
        for (String expression : NOT_DIRECT) {
            assertThat(ExpressionLanguage.compile("test", expression, SCHEMA).direct()).as(expression).isFalse();
        }
    }

    /** The value with its class, or the failure's message. */
    private static String outcome(CompiledExpression.Rows rows, int row) {
        try {
            Object value = rows.evaluate(row);
            return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        } catch (CompiledExpression.EvaluationFailure e) {
            return "failed: " + e.getMessage();
        }
    }

    private static Batch rows(int count, SplittableRandom random) {
        long[] longs = {0, 1, -1, 5, 7, Long.MAX_VALUE, Long.MIN_VALUE, 3037000500L, -3037000500L, 1_000_000_007L};
        int[] ints = {0, 1, -1, 3, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 10};
        double[] doubles = {0.0, -0.0, 1.5, -2.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, 1e308, 100.0};
        String[] texts = {"", "a", "Zürich", "ñandú", "😀", "a".repeat(5_000)};
        List<Column> columns = new ArrayList<>();
        SCHEMA.fields().forEach(field -> columns.add(new Column(field.type(), count)));
        for (int row = 0; row < count; row++) {
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                if (random.nextInt(6) == 0) {
                    column.appendNull();
                    continue;
                }
                boolean edge = random.nextBoolean();
                switch (c) {
                    case 0 -> column.appendLong(edge ? longs[random.nextInt(longs.length)] : random.nextLong(-1000, 1000));
                    case 1 -> column.appendInt(edge ? ints[random.nextInt(ints.length)] : random.nextInt(-1000, 1000));
                    case 2 -> column.appendDouble(edge ? doubles[random.nextInt(doubles.length)]
                            : random.nextDouble(-1000, 1000));
                    case 3 -> column.appendObject(BigDecimal.valueOf(random.nextLong(-100_000, 100_000), 2));
                    case 4 -> column.appendObject(texts[random.nextInt(texts.length)]);
                    case 5 -> column.appendBoolean(random.nextBoolean());
                    default -> column.appendLong(random.nextLong(0, 2_000_000_000_000_000L));
                }
            }
        }
        return new Batch(SCHEMA, columns.toArray(Column[]::new), count);
    }
}
