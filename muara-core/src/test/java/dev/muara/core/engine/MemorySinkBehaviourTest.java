package dev.muara.core.engine;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.WriteMode;
import dev.muara.testkit.MemorySink;
import dev.muara.testkit.MemoryStore;
import dev.muara.testkit.SinkBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The engine tests' fake target must behave like a real one, or they prove nothing. */
class MemorySinkBehaviourTest extends SinkBehaviour {

    private final MemoryStore store = new MemoryStore();

    @Override
    protected Sink createSink(SinkContext context) {
        return MemorySink.transactional(context, store);
    }

    @Override
    protected List<List<Object>> read(String table, Schema columns) {
        var schema = store.schema(table);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : store.table(table)) {
            List<Object> picked = new ArrayList<>();
            for (String c : columns.names()) {
                Object value = schema.indexOf(c) < row.size() ? row.get(schema.indexOf(c)) : null;
                picked.add(value instanceof Integer i && columns.field(columns.indexOf(c)).type().equals(DataType.INT64) ? Long.valueOf(i) : value);
            }
            rows.add(picked);
        }
        return rows;
    }

    @Override
    protected Set<WriteMode> writeModes() {
        return Set.of(WriteMode.APPEND, WriteMode.MERGE, WriteMode.REPLACE);
    }
}
