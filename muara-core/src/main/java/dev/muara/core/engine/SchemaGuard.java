package dev.muara.core.engine;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.RejectedRecord;
import dev.muara.core.config.SchemaPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a stream's schema policy to a batch before it is written: compares the batch with the table's columns
 * and, unless the policy is evolve, fails the run (freeze), drops new columns (discard_column), or sends the rows
 * that do not fit the table to the dead-letter store (discard_row, and values too wide under discard_column).
 */
final class SchemaGuard {

    private SchemaGuard() {
    }

    /**
     * The batch to write under {@code policy} for a table with columns {@code table}.
     *
     * @param rejects receives each row that does not fit, with the reason
     */
    static Batch apply(SchemaPolicy policy, String tableName, Schema table, Batch batch, String location,
            Consumer<RejectedRecord> rejects) {
        if (policy == SchemaPolicy.EVOLVE || table == null) {
            return batch;
        }
        Schema incoming = batch.schema();
        boolean[] reject = new boolean[batch.rowCount()];
        String[] reasons = new String[batch.rowCount()];
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < incoming.size(); c++) {
            Field field = incoming.field(c);
            Column column = batch.column(c);
            int existing = table.indexOf(field.name());
            if (existing < 0) {
                if (policy == SchemaPolicy.FREEZE) {
                    throw frozen(tableName, "has no column " + field.name() + " (" + field.type() + ") but the data has");
                }
                if (policy == SchemaPolicy.DISCARD_ROW) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        if (!column.isNull(r) && !reject[r]) {
                            reject[r] = true;
                            reasons[r] = "column " + field.name() + " is not in table " + tableName;
                        }
                    }
                }
                continue;
            }
            DataType old = table.field(existing).type();
            if (DataType.widen(old, field.type()).equals(old)) {
                fields.add(field);
                columns.add(column);
                continue;
            }
            if (policy == SchemaPolicy.FREEZE) {
                throw frozen(tableName, "column " + field.name() + " is " + old + " but the data has " + field.type());
            }
            Column narrowed = new Column(old, batch.rowCount());
            for (int r = 0; r < batch.rowCount(); r++) {
                if (column.isNull(r)) {
                    narrowed.appendNull();
                } else if (!appendNarrowed(column, r, narrowed)) {
                    narrowed.appendNull();
                    if (!reject[r]) {
                        reject[r] = true;
                        reasons[r] = "column " + field.name() + ": " + column.text(r) + " does not fit " + old;
                    }
                }
            }
            fields.add(new Field(field.name(), old));
            columns.add(narrowed);
        }
        Schema kept = new Schema(fields);
        int rejected = 0;
        for (int r = 0; r < reject.length; r++) {
            if (reject[r]) {
                rejected++;
                rejects.accept(new RejectedRecord(location, reasons[r], rowAsJson(batch, r)));
            }
        }
        if (rejected == 0) {
            return new Batch(kept, columns.toArray(new Column[0]), batch.rowCount());
        }
        Column[] out = new Column[columns.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = new Column(kept.field(c).type(), batch.rowCount() - rejected);
            for (int r = 0; r < reject.length; r++) {
                if (!reject[r]) {
                    out[c].appendFrom(columns.get(c), r);
                }
            }
        }
        return new Batch(kept, out, batch.rowCount() - rejected);
    }

    private static MuaraException frozen(String table, String what) {
        return MuaraException.data("table " + table + " " + what + ", and its schema is frozen")
                .at(table)
                .withHint("change the table yourself, or set schema_policy to evolve, discard_row or discard_column");
    }

    /** Appends the value at {@code row} converted to the narrower type of {@code to}; false when it does not fit. */
    private static boolean appendNarrowed(Column from, int row, Column to) {
        DataType target = to.type();
        TypeKind kind = from.type().kind();
        switch (target.kind()) {
            case INT32, INT64 -> {
                BigDecimal value = exact(from, row);
                if (value == null) {
                    return false;
                }
                try {
                    long v = value.longValueExact();
                    if (target.kind() == TypeKind.INT32) {
                        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                            return false;
                        }
                        to.appendInt((int) v);
                    } else {
                        to.appendLong(v);
                    }
                    return true;
                } catch (ArithmeticException e) {
                    return false;
                }
            }
            case DECIMAL -> {
                BigDecimal value = exact(from, row);
                if (value == null) {
                    return false;
                }
                try {
                    BigDecimal scaled = value.setScale(target.scale(), RoundingMode.UNNECESSARY);
                    if (scaled.precision() - scaled.scale() > target.precision() - target.scale()) {
                        return false;
                    }
                    to.appendObject(scaled);
                    return true;
                } catch (ArithmeticException e) {
                    return false;
                }
            }
            case DATE -> {
                if ((kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_TZ) && from.getLong(row) % 86_400_000_000L == 0) {
                    to.appendInt((int) (from.getLong(row) / 86_400_000_000L));
                    return true;
                }
                return false;
            }
            case TIMESTAMP -> {
                if (kind == TypeKind.TIMESTAMP_TZ) {
                    to.appendLong(from.getLong(row));
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static BigDecimal exact(Column from, int row) {
        return switch (from.type().kind()) {
            case INT32 -> BigDecimal.valueOf(from.getInt(row));
            case INT64 -> BigDecimal.valueOf(from.getLong(row));
            case DECIMAL -> from.getDecimal(row);
            case FLOAT64 -> Double.isFinite(from.getDouble(row)) ? BigDecimal.valueOf(from.getDouble(row)) : null;
            default -> null;
        };
    }

    private static String rowAsJson(Batch batch, int row) {
        StringBuilder out = new StringBuilder("{");
        for (int c = 0; c < batch.schema().size(); c++) {
            if (c > 0) {
                out.append(", ");
            }
            String text = batch.column(c).text(row);
            out.append(Column.quote(batch.schema().field(c).name())).append(": ")
                    .append(text == null ? "null" : Column.quote(text));
        }
        return out.append('}').toString();
    }
}
