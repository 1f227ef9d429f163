package dev.muara.transforms.quality;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import dev.muara.transforms.DroppedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A data quality rule on one column or on the whole row, with what to do with a row that breaks it: reject it to the dead letters, warn
 * (count it and load it), or fail the run (nothing after the last commit is loaded). Every batch's outcome goes to
 * the run's quality report.
 */
final class Check implements Transform {

    /** What happens to a row that breaks the rule. */
    enum Action { REJECT, WARN, FAIL }

    private static final int SAMPLES_PER_BATCH = 3;
    private static final int SAMPLE_LENGTH = 40;

    private final String name;
    private final String column;
    private final Action action;
    private final Function<Schema, RowRule> rules;
    private Schema ruleSchema;
    private RowRule rule;

    /**
     * @param column the column whose values are the samples and the dead letters' reason; null for none
     * @param rules makes the rule for a schema, failing with a config error when it does not suit
     */
    Check(String name, String column, Action action, Function<Schema, RowRule> rules) {
        this.name = name;
        this.column = column;
        this.action = action;
        this.rules = rules;
    }

    /** A rule on a whole column: the rule for the column's type, made again only when that type changes. */
    static Function<Schema, RowRule> onColumn(String name, String column, Function<DataType, Rule> rules) {
        DataType[] ruleType = new DataType[1];
        Rule[] rule = new Rule[1];
        return schema -> {
            int index = Columns.require(schema, column, "check " + name);
            DataType type = schema.field(index).type();
            if (!type.equals(ruleType[0])) {
                // a uniqueness rule keeps what it saw across batches: made once per type
                rule[0] = rules.apply(type);
                ruleType[0] = type;
            }
            Rule current = rule[0];
            return batch -> {
                Column values = batch.column(index);
                return row -> current.breaks(values, row);
            };
        };
    }

    /** The rule for the batches of {@code input}. */
    private synchronized RowRule rule(Schema input) {
        if (!input.equals(ruleSchema)) {
            rule = rules.apply(input);
            ruleSchema = input;
        }
        return rule;
    }

    @Override
    public Schema outputSchema(Schema input) {
        rule(input);
        return input;
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        IntPredicate breaks = rule(batch.schema()).rows(batch);
        Column values = column == null ? null : batch.column(batch.schema().indexOf(column));
        DroppedRows broken = new DroppedRows(batch.rowCount());
        List<String> samples = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            if (breaks.test(row)) {
                broken.drop(row);
                if (values != null && samples.size() < SAMPLES_PER_BATCH) {
                    samples.add(sample(values.text(row)));
                }
            }
        }
        context.quality(name, column, batch.rowCount(), broken.count(), samples);
        if (broken.count() == 0 || action == Action.WARN) {
            return batch;
        }
        if (action == Action.FAIL) {
            // the failing values go to the quality report, which hides personal data, not into the message
            throw MuaraException.data("check " + name + " failed: " + broken.count() + " of " + batch.rowCount()
                    + " rows of a batch break it")
                    .withHint("the quality report shows failing values; nothing after the last commit was loaded; fix "
                            + "the data, or make the check's action reject or warn");
        }
        for (int row = 0; row < batch.rowCount(); row++) {
            if (broken.contains(row)) {
                context.reject(batch, row, "check " + name + ": " + (values == null ? "the row breaks it" : sample(values.text(row))));
            }
        }
        return broken.from(batch);
    }

    /** A rule on the rows of a schema. */
    @FunctionalInterface
    interface RowRule {
        /** Which rows of {@code batch} break the rule; called by one thread at a time per batch. */
        IntPredicate rows(Batch batch);
    }

    private static String sample(String text) {
        if (text == null) {
            return "null";
        }
        return Columns.quoted(text, SAMPLE_LENGTH);
    }
}
