package dev.muara.connector.file;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.source.Source;
import dev.muara.testkit.Rows;
import dev.muara.testkit.SourceBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceBehaviourTest extends SourceBehaviour {

    @TempDir
    Path dir;

    @Override
    protected Source sourceWith(Schema schema, List<List<Object>> rows) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", schema.names())).append("\r\n");
        var batch = Rows.batch(schema, rows);
        for (int r = 0; r < batch.rowCount(); r++) {
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) {
                    csv.append(',');
                }
                String text = batch.column(c).text(r);
                if (text != null) {
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                }
            }
            csv.append("\r\n");
        }
        Files.writeString(dir.resolve("data.csv"), csv);
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            columns.put(field.name(), new ColumnSpec(field.type(), field.type().equals(DataType.BINARY) ? "hex" : null));
        }
        return new FileSources(dir).source("path", "data.csv", "columns", columns);
    }
}
