package dev.muara.transforms;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;

/** The rows of one batch that a transform leaves out (rejected, filtered, repeated), and the batch without them. */
public final class DroppedRows {

    private final boolean[] dropped;
    private int count;

    public DroppedRows(int rows) {
        this.dropped = new boolean[rows];
    }

    /** Leaves {@code row} out; dropping a row twice counts it once. */
    public void drop(int row) {
        if (!dropped[row]) {
            dropped[row] = true;
            count++;
        }
    }

    public boolean contains(int row) {
        return dropped[row];
    }

    public int count() {
        return count;
    }

    /** {@code batch} without the dropped rows; {@code batch} itself when none is. */
    public Batch from(Batch batch) {
        if (count == 0) {
            return batch;
        }
        Column[] out = new Column[batch.columns().length];
        int rows = batch.rowCount() - count;
        for (int c = 0; c < out.length; c++) {
            Column source = batch.column(c);
            Column kept = new Column(source.type(), rows);
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!dropped[row]) {
                    kept.appendFrom(source, row);
                }
            }
            out[c] = kept;
        }
        return new Batch(batch.schema(), out, rows);
    }
}
