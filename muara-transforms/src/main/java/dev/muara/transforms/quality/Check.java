package dev.muara.transforms.quality;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A data quality rule on one column, with what to do with a row that breaks it: reject it to the dead letters, warn
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
    private final Function<DataType, Rule> rules;
    private DataType ruleType;
    private Rule rule;

    /** @param rules makes the rule for the column's type, failing with a config error when it does not suit */
    Check(String name, String column, Action action, Function<DataType, Rule> rules) {
        this.name = name;
        this.column = column;
        this.action = action;
        this.rules = rules;
    }

    /** The rule for the column's type, made once (a uniqueness rule keeps what it saw across batches). */
    private synchronized Rule rule(Schema input) {
        DataType type = input.field(Columns.require(input, column, "check " + name)).type();
        if (!type.equals(ruleType)) {
            rule = rules.apply(type);
            ruleType = type;
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
        Rule current = rule(batch.schema());
        Column values = batch.column(batch.schema().indexOf(column));
        boolean[] broken = new boolean[batch.rowCount()];
        int failed = 0;
        List<String> samples = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            if (current.breaks(values, row)) {
                broken[row] = true;
                failed++;
                if (samples.size() < SAMPLES_PER_BATCH) {
                    samples.add(sample(values.text(row)));
                }
            }
        }
        context.quality(name, column, batch.rowCount(), failed, samples);
        if (failed == 0 || action == Action.WARN) {
            return batch;
        }
        if (action == Action.FAIL) {
            // the failing values go to the quality report, which hides personal data, not into the message
            throw MuaraException.data("check " + name + " failed: " + failed + " of " + batch.rowCount()
                    + " rows of a batch break it")
                    .withHint("the quality report shows failing values; nothing after the last commit was loaded; fix "
                            + "the data, or make the check's action reject or warn");
        }
        for (int row = 0; row < batch.rowCount(); row++) {
            if (broken[row]) {
                context.reject(batch, row, "check " + name + ": " + sample(values.text(row)));
            }
        }
        return Columns.without(batch, broken, failed);
    }

    private static String sample(String text) {
        if (text == null) {
            return "null";
        }
        return "'" + (text.length() > SAMPLE_LENGTH ? text.substring(0, SAMPLE_LENGTH) + "…" : text) + "'";
    }
}
