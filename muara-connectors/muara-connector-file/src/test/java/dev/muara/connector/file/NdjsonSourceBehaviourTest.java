package dev.muara.connector.file;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.source.Source;
import dev.muara.testkit.Rows;
import dev.muara.testkit.SourceBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class NdjsonSourceBehaviourTest extends SourceBehaviour {

    @TempDir
    Path dir;

    @Override
    protected Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        var batch = Rows.batch(schema, rows);
        for (int r = 0; r < batch.rowCount(); r++) {
            ndjson.append('{');
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) {
                    ndjson.append(", ");
                }
                ndjson.append(dev.muara.api.data.Column.quote(schema.field(c).name())).append(": ");
                var column = batch.column(c);
                TypeKind kind = schema.field(c).type().kind();
                if (column.isNull(r)) {
                    ndjson.append("null");
                } else if (kind == TypeKind.JSON || kind == TypeKind.BOOLEAN || kind == TypeKind.INT32
                        || kind == TypeKind.INT64 || kind == TypeKind.DECIMAL) {
                    ndjson.append(column.text(r));
                } else if (kind == TypeKind.FLOAT64) {
                    ndjson.append(column.getDouble(r));
                } else if (kind == TypeKind.BINARY) {
                    ndjson.append('"').append(Base64.getEncoder().encodeToString(column.getBytes(r))).append('"');
                } else {
                    ndjson.append(dev.muara.api.data.Column.quote(column.text(r)));
                }
            }
            ndjson.append("}\n");
        }
        Files.writeString(dir.resolve("data.ndjson"), ndjson);
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            columns.put(field.name(), new ColumnSpec(field.type(), null));
        }
        return new FileSources(dir).source("path", "data.ndjson", "columns", columns);
    }
}
