package dev.muara.transforms.nested;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.formats.json.JsonBatchBuilder;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Moves the non-empty arrays of objects of a JSON column into the child stream {@code <stream>__<column>}, one row per
 * element, and, down to {@code max_depth} levels, the arrays of objects inside those elements into grandchild streams
 * ({@code <stream>__<column>__<key>}). The parent row gains {@code _muara_id}; a child row carries its own
 * {@code _muara_id}, its parent's as {@code _muara_parent_id}, and its place in the array as {@code _muara_list_index}
 * (from 0). An unnested array leaves null in its column; any other value (null, an empty array, an array holding
 * anything but objects, a deeper array) stays there as JSON, so a join of the tables gives back every document.
 *
 * <p>{@code _muara_id} of a parent row is a hash of the stream and its merge key when the stream is merged (the same
 * row gets the same id in every run, and its child rows are updated in place), otherwise of the batch's origin and the
 * row's index in the batch (the same when a resumed run reads the row again). A child row's id is a hash of its
 * parent's id, the array's key and the index.
 */
final class Unnest implements Transform {

    static final String ID = "_muara_id";
    static final String PARENT_ID = "_muara_parent_id";
    static final String LIST_INDEX = "_muara_list_index";
    /** Parsers and generators here are many and small, made on one thread: their buffers are kept per thread. */
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();

    private final String column;
    private final int maxDepth;

    Unnest(String column, int maxDepth) {
        this.column = column;
        this.maxDepth = maxDepth;
    }

    /** A row without the column (a document missing the key, or a batch where it is always null) has no child rows. */
    @Override
    public Schema outputSchema(Schema input) {
        int index = input.indexOf(column);
        if (index >= 0) {
            TypeKind kind = input.field(index).type().kind();
            if (kind != TypeKind.JSON && kind != TypeKind.STRING) {
                throw MuaraException.config("transform unnest: column '" + column + "' is " + input.field(index).type()
                        + ", not JSON").withHint("unnest a column that holds JSON arrays of objects");
            }
        }
        if (input.indexOf(ID) >= 0) {
            return input;
        }
        List<Field> fields = new ArrayList<>(input.fields());
        fields.add(new Field(ID, DataType.STRING));
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        Column[] out = new Column[schema.size()];
        System.arraycopy(batch.columns(), 0, out, 0, batch.columns().length);
        Column ids = batch.schema().indexOf(ID) >= 0 ? batch.column(ID) : parentIds(batch, context);
        out[schema.indexOf(ID)] = ids;
        int index = batch.schema().indexOf(column);
        if (index >= 0) {
            Column source = batch.column(index);
            Column kept = new Column(source.type(), batch.rowCount());
            ChildRows children = new ChildRows();
            String child = context.stream() + JsonBatchBuilder.FLATTEN_SEPARATOR + column;
            for (int row = 0; row < batch.rowCount(); row++) {
                String json = source.isNull(row) ? null : source.getString(row);
                if (json != null && children.add(child, column, json, ids.getString(row), 1)) {
                    kept.appendNull();
                } else {
                    kept.appendFrom(source, row);
                }
            }
            out[index] = kept;
            children.builders.forEach((stream, builder) -> context.emit(stream, builder.build()));
        }
        return new Batch(schema, out, batch.rowCount());
    }

    private static Column parentIds(Batch batch, TransformContext context) {
        List<String> key = context.mergeKey();
        int[] keyColumns = new int[key.size()];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = batch.schema().indexOf(key.get(k));
            if (keyColumns[k] < 0) {
                throw MuaraException.config("transform unnest: the merge key column '" + key.get(k)
                        + "' is not in the rows it sees, and _muara_id is made from the key")
                        .withHint("put unnest after the transforms that make or rename the key columns");
            }
        }
        Column ids = new Column(DataType.STRING, batch.rowCount());
        String[] parts = new String[keyColumns.length + 1];
        for (int row = 0; row < batch.rowCount(); row++) {
            if (keyColumns.length == 0) {
                ids.appendObject(RowIds.of(context.batchOrigin(), Integer.toString(row)));
                continue;
            }
            parts[0] = context.stream();
            for (int k = 0; k < keyColumns.length; k++) {
                parts[k + 1] = batch.column(keyColumns[k]).text(row);
            }
            ids.appendObject(RowIds.of(parts));
        }
        return ids;
    }

    /**
     * The rows of every child stream of one batch, in the order the streams first appear. Each array is parsed once,
     * straight into its child rows; an array that turns out not to be one of objects takes its rows back and is kept
     * whole as JSON. Only a nested array is written out as text, for that case.
     */
    private final class ChildRows {
        final Map<String, JsonBatchBuilder> builders = new LinkedHashMap<>();

        /**
         * Adds the elements of {@code array} as rows of {@code stream} (the keys first), and their own arrays of
         * objects as rows further down; false, with nothing added, when it is not a non-empty array of objects.
         */
        boolean add(String stream, String key, String array, String parentId, int level) {
            // builders are only ever added, in order: the first `known` are those that existed before this array
            int known = builders.size();
            int[] before = new int[known];
            int index = 0;
            for (JsonBatchBuilder builder : builders.values()) {
                before[index++] = builder.rows();
            }
            boolean added;
            try {
                added = addElements(stream, key, array, parentId, level);
            } catch (JacksonException e) {
                added = false;
            }
            if (!added) {
                Iterator<JsonBatchBuilder> builder = builders.values().iterator();
                for (int i = 0; builder.hasNext(); i++) {
                    JsonBatchBuilder next = builder.next();
                    if (i < known) {
                        next.truncate(before[i]);
                    } else {
                        builder.remove();
                    }
                }
            }
            return added;
        }

        private boolean addElements(String stream, String key, String array, String parentId, int level) {
            JsonBatchBuilder builder = builders.computeIfAbsent(stream, s -> new JsonBatchBuilder(false, Map.of(), 64));
            try (JsonParser in = JSON.createParser(ObjectReadContext.empty(), array)) {
                if (in.nextToken() != JsonToken.START_ARRAY) {
                    return false;
                }
                int index = 0;
                JsonToken element;
                while ((element = in.nextToken()) == JsonToken.START_OBJECT) {
                    int position = index++;
                    String id = RowIds.of(parentId, key, Integer.toString(position));
                    builder.addRow(row -> {
                        row.text(ID, id);
                        row.text(PARENT_ID, parentId);
                        row.integer(LIST_INDEX, position);
                        for (JsonToken token = in.nextToken(); token == JsonToken.PROPERTY_NAME; token = in.nextToken()) {
                            String name = in.currentName();
                            if (in.nextToken() != JsonToken.START_ARRAY || level >= maxDepth) {
                                row.value(name, in);
                                continue;
                            }
                            String nested = subtree(in);
                            if (add(stream + JsonBatchBuilder.FLATTEN_SEPARATOR + name, name, nested, id, level + 1)) {
                                row.nullValue(name);
                            } else {
                                row.json(name, nested);
                            }
                        }
                    });
                }
                return element == JsonToken.END_ARRAY && index > 0 && in.nextToken() == null;
            }
        }
    }

    private static String subtree(JsonParser parser) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }
}
