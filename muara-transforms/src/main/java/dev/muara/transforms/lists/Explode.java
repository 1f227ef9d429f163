package dev.muara.transforms.lists;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.transforms.Columns;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One row per element of a JSON array column, the other columns repeated: strings become text, other elements their
 * JSON. A row whose array is empty or null is dropped, unless {@code keep_empty} keeps it with a null; a value that is
 * not a JSON array is rejected with its row.
 */
final class Explode implements Transform {

    private static final JsonFactory JSON = new JsonFactory();

    private final String column;
    private final boolean keepEmpty;

    Explode(String column, boolean keepEmpty) {
        this.column = column;
        this.keepEmpty = keepEmpty;
    }

    @Override
    public Schema outputSchema(Schema input) {
        int index = Columns.require(input, column, "explode");
        TypeKind kind = input.field(index).type().kind();
        if (kind != TypeKind.JSON && kind != TypeKind.STRING) {
            throw MuaraException.config("transform explode: column '" + column + "' is " + input.field(index).type()
                    + ", not a JSON array").withHint("split text into a list first");
        }
        return Columns.retyped(input, index, DataType.STRING);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        int index = batch.schema().indexOf(column);
        Column source = batch.column(index);
        Column[] out = new Column[schema.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = new Column(schema.field(c).type(), batch.rowCount());
        }
        int rows = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            List<String> elements;
            try {
                elements = source.isNull(row) ? List.of() : elements(source.getString(row));
            } catch (JacksonException | IllegalArgumentException e) {
                context.reject(batch, row, "explode " + column + ": not a JSON array");
                continue;
            }
            if (elements.isEmpty() && keepEmpty) {
                elements = new ArrayList<>();
                elements.add(null);
            }
            for (String element : elements) {
                for (int c = 0; c < out.length; c++) {
                    if (c != index) {
                        out[c].appendFrom(batch.column(c), row);
                    } else if (element == null) {
                        out[c].appendNull();
                    } else {
                        out[c].appendObject(element);
                    }
                }
                rows++;
            }
        }
        return new Batch(schema, out, rows);
    }

    private static List<String> elements(String json) {
        List<String> elements = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("not an array");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    elements.add(parser.getString());
                } else if (token == JsonToken.VALUE_NULL) {
                    elements.add(null);
                } else {
                    StringWriter text = new StringWriter();
                    try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
                        generator.copyCurrentStructure(parser);
                    }
                    elements.add(text.toString());
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the array");
            }
        }
        return elements;
    }
}
