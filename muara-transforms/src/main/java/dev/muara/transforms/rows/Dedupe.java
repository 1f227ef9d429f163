package dev.muara.transforms.rows;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Schema;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import dev.muara.transforms.DroppedRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the first row of each key within a run and drops the rows that repeat it. The keys seen are held in memory,
 * at most {@code maxKeys}: beyond that the oldest are forgotten, so a stream that never ends keeps a bounded window.
 * Shared by every reader thread of the run.
 */
final class Dedupe implements Transform {

    private final List<String> key;
    private final Map<String, Boolean> seen;

    Dedupe(List<String> key, long maxKeys) {
        this.key = List.copyOf(key);
        this.seen = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > maxKeys;
            }
        };
    }

    @Override
    public Schema outputSchema(Schema input) {
        Columns.requireAll(input, key, "dedupe");
        return input;
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Column[] columns = key.stream().map(name -> batch.column(Columns.require(batch.schema(), name, "dedupe")))
                .toArray(Column[]::new);
        DroppedRows repeated = new DroppedRows(batch.rowCount());
        synchronized (seen) {
            for (int row = 0; row < batch.rowCount(); row++) {
                if (seen.putIfAbsent(keyOf(columns, row), Boolean.TRUE) != null) {
                    repeated.drop(row);
                }
            }
        }
        return repeated.from(batch);
    }

    /** The key's values as one text: each value's length first, so that ("a,b", "c") and ("a", "b,c") differ. */
    private static String keyOf(Column[] columns, int row) {
        StringBuilder text = new StringBuilder();
        for (Column column : columns) {
            String value = column.text(row);
            text.append(value == null ? "n" : value.length() + ":" + value).append('|');
        }
        return text.toString();
    }
}
