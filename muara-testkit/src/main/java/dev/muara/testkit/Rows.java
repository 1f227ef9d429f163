package dev.muara.testkit;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds batches from plain Java values and reads them back, for tests. */
public final class Rows {

    private Rows() {
    }

    /** A batch of {@code rows}, each a list of values in schema order (see {@link Column#getObject} for types). */
    public static Batch batch(Schema schema, List<List<Object>> rows) {
        Column[] columns = new Column[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new Column(schema.field(c).type(), rows.size());
        }
        for (List<Object> row : rows) {
            for (int c = 0; c < columns.length; c++) {
                append(columns[c], row.get(c));
            }
        }
        return new Batch(schema, columns, rows.size());
    }

    /** Appends a plain Java value to a column of its type. */
    public static void append(Column column, Object value) {
        if (value == null) {
            column.appendNull();
            return;
        }
        DataType type = column.type();
        switch (type.kind()) {
            case BOOLEAN -> column.appendBoolean((Boolean) value);
            case INT32 -> column.appendInt(((Number) value).intValue());
            case INT64 -> column.appendLong(((Number) value).longValue());
            case FLOAT64 -> column.appendDouble(((Number) value).doubleValue());
            case DECIMAL -> column.appendObject(((BigDecimal) value).setScale(type.scale()));
            case DATE -> column.appendInt((int) ((LocalDate) value).toEpochDay());
            case TIME -> column.appendLong(((LocalTime) value).toNanoOfDay() / 1000);
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                column.appendLong(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000);
            }
            case TIMESTAMP_TZ -> {
                Instant t = (Instant) value;
                column.appendLong(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
            }
            default -> column.appendObject(value);
        }
    }

    /** The rows of {@code batch} as lists of plain Java values. */
    public static List<List<Object>> of(Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < batch.schema().size(); c++) {
                row.add(batch.column(c).getObject(r));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A row, allowing nulls. */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
