package dev.muara.core.engine;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code _muara_load_id} (the run id) and {@code _muara_loaded_at} (the run's start) to batches, so every
 * loaded row says which run brought it.
 */
final class LoadColumns {

    static final String LOAD_ID = "_muara_load_id";
    static final String LOADED_AT = "_muara_loaded_at";

    private final String loadId;
    private final long loadedAtMicros;

    LoadColumns(String loadId, Instant loadedAt) {
        this.loadId = loadId;
        this.loadedAtMicros = loadedAt.getEpochSecond() * 1_000_000 + loadedAt.getNano() / 1000;
    }

    Batch addTo(Batch batch) {
        if (batch.schema().indexOf(LOAD_ID) >= 0) {
            return batch;
        }
        int rows = batch.rowCount();
        List<Field> fields = new ArrayList<>(batch.schema().fields());
        fields.add(new Field(LOAD_ID, DataType.STRING));
        fields.add(new Field(LOADED_AT, DataType.TIMESTAMP_TZ));
        Column[] columns = new Column[fields.size()];
        System.arraycopy(batch.columns(), 0, columns, 0, batch.columns().length);
        Column id = new Column(DataType.STRING, rows);
        Column at = new Column(DataType.TIMESTAMP_TZ, rows);
        for (int r = 0; r < rows; r++) {
            id.appendObject(loadId);
            at.appendLong(loadedAtMicros);
        }
        columns[columns.length - 2] = id;
        columns[columns.length - 1] = at;
        return new Batch(new Schema(fields), columns, rows);
    }
}
