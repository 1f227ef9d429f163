package dev.muara.formats.json;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.formats.text.Temporal;
import dev.muara.formats.text.DateOrder;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Builds batches from JSON objects read with a streaming parser, inferring column types as values arrive and
 * widening a column when a later value does not fit (int → float64 → string; anything and an object → json).
 *
 * <p>Top-level keys become columns in the order first seen. Nested objects and arrays are kept as JSON text, or,
 * with {@code flatten}, a nested object's keys become {@code parent__child} columns (one level; deeper values stay
 * JSON). Strings in ISO date or timestamp form become dates and timestamps. A column that has held only nulls so
 * far is left out of the batch until a value gives it a type. Types stick from batch to batch.
 */
public final class JsonBatchBuilder {

    /** The separator between a parent key and a child key in a flattened column name. */
    public static final String FLATTEN_SEPARATOR = "__";

    private static final JsonFactory JSON = new JsonFactory();

    private final boolean flatten;
    private final Map<String, DataType> fixedTypes;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final RowFields rowFields = new RowFields();
    private int rows;
    private int capacity;

    private static final class Slot {
        final String name;
        Column column;
        int filledRow = -1;

        Slot(String name) {
            this.name = name;
        }
    }

    /**
     * @param flatten whether nested objects become {@code parent__child} columns
     * @param fixedTypes column types given in configuration; other columns are inferred
     * @param capacity expected rows per batch
     */
    public JsonBatchBuilder(boolean flatten, Map<String, DataType> fixedTypes, int capacity) {
        this.flatten = flatten;
        this.fixedTypes = Map.copyOf(fixedTypes);
        this.capacity = capacity;
    }

    public int rows() {
        return rows;
    }

    /**
     * Reads one object, the parser being on its {@link JsonToken#START_OBJECT}, and adds it as a row. On return
     * the parser is on the matching {@link JsonToken#END_OBJECT}.
     *
     * @throws JsonValueException when a value does not fit a column whose type was given in configuration; the
     *     row is then not added, and the parser is on the object's end
     * @throws tools.jackson.core.JacksonException when the JSON is malformed; the row is not added
     */
    public void addObject(JsonParser parser) {
        try {
            readObject(parser, null);
        } catch (JsonValueException e) {
            skipRest(parser);
            rollbackRow();
            throw e;
        } catch (RuntimeException e) {
            rollbackRow();
            throw e;
        }
        endRow();
    }

    /**
     * Adds a row made field by field, for a caller that builds rows from parts of documents (unnest) without writing
     * them out as JSON and parsing them again: {@code fields} adds each value through the {@link RowFields} it is
     * given; the row is added when it returns, and taken back when it throws. A value is typed as the same value in
     * a JSON object would be.
     */
    public void addRow(Consumer<RowFields> fields) {
        try {
            fields.accept(rowFields);
        } catch (RuntimeException e) {
            rollbackRow();
            throw e;
        }
        endRow();
    }

    /** The values of the row being added by {@link #addRow}. */
    public final class RowFields {

        private RowFields() {
        }

        /** The value the parser is on (its first token): a scalar, or an object or array kept as JSON text. */
        public void value(String name, JsonParser parser) {
            if (parser.currentToken() == JsonToken.START_OBJECT && flatten && !fixedTypes.containsKey(name)) {
                readObject(parser, name);
            } else {
                addValue(name, parser.currentToken(), parser);
            }
        }

        /** Text, as a JSON string. */
        public void text(String name, String text) {
            addString(slotForRow(name), text, fixedTypes.get(name));
        }

        /** A whole number, as a JSON number that fits an int. */
        public void integer(String name, int value) {
            Slot slot = slotForRow(name);
            DataType fixed = fixedTypes.get(name);
            Column c = columnFor(slot, DataType.INT32, fixed);
            switch (c.type().kind()) {
                case INT32 -> c.appendInt(value);
                case INT64 -> c.appendLong(value);
                case FLOAT64 -> c.appendDouble(value);
                case DECIMAL -> appendDecimal(slot, c, BigDecimal.valueOf(value), fixed);
                default -> appendText(slot, c, Integer.toString(value), fixed, false);
            }
        }

        /** JSON text kept whole (an array or object). */
        public void json(String name, String json) {
            addJson(slotForRow(name), json, fixedTypes.get(name));
        }

        /** A null. */
        public void nullValue(String name) {
            Slot slot = slotForRow(name);
            if (slot.column != null) {
                slot.column.appendNull();
            }
        }
    }

    private void endRow() {
        rows++;
        for (Slot slot : slots.values()) {
            if (slot.column != null && slot.column.size() < rows) {
                slot.column.appendNull();
            }
        }
    }

    /** Takes back the last row added, when the caller finds it bad after all (trailing text on its line). */
    public void removeLastRow() {
        truncate(rows - 1);
    }

    /** Takes back the rows added after the first {@code keep}, when the caller finds them bad after all. */
    public void truncate(int keep) {
        if (keep < 0 || keep >= rows) {
            return;
        }
        rows = keep;
        for (Slot slot : slots.values()) {
            if (slot.column != null && slot.column.size() > rows) {
                slot.column.truncate(rows);
            }
        }
    }

    private void skipRest(JsonParser parser) {
        int depth = parser.streamReadContext().getNestingDepth();
        while (depth > 1 || parser.currentToken() != JsonToken.END_OBJECT) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            }
        }
    }

    private void rollbackRow() {
        for (Slot slot : slots.values()) {
            if (slot.column != null && slot.column.size() > rows) {
                slot.column.truncate(rows);
            }
            if (slot.filledRow == rows) {
                slot.filledRow = -1;
            }
        }
    }

    private void readObject(JsonParser parser, String prefix) {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            String name = prefix == null ? key : prefix + FLATTEN_SEPARATOR + key;
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && flatten && prefix == null && !fixedTypes.containsKey(name)) {
                readObject(parser, name);
                continue;
            }
            addValue(name, value, parser);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("expected the end of an object, found " + token);
        }
    }

    /** The slot of {@code name}, ready for this row's value (a key given twice keeps its last value). */
    private Slot slotForRow(String name) {
        Slot slot = slots.computeIfAbsent(name, Slot::new);
        if (slot.filledRow == rows && slot.column != null && slot.column.size() > rows) {
            slot.column.truncate(rows);
        }
        slot.filledRow = rows;
        return slot;
    }

    private void addString(Slot slot, String text, DataType fixed) {
        Column c = columnFor(slot, stringType(text), fixed);
        appendText(slot, c, text, fixed, true);
    }

    private void addJson(Slot slot, String json, DataType fixed) {
        Column c = columnFor(slot, DataType.JSON, fixed);
        if (c.type().kind() == TypeKind.JSON || c.type().kind() == TypeKind.STRING) {
            c.appendObject(json);
        } else {
            mismatch(slot, c, json, fixed);
        }
    }

    private void addValue(String name, JsonToken token, JsonParser parser) {
        Slot slot = slotForRow(name);
        DataType fixed = fixedTypes.get(name);
        switch (token) {
            case VALUE_NULL -> {
                if (slot.column != null) {
                    slot.column.appendNull();
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                boolean v = token == JsonToken.VALUE_TRUE;
                Column c = columnFor(slot, DataType.BOOLEAN, fixed);
                if (c.type().kind() == TypeKind.BOOLEAN) {
                    c.appendBoolean(v);
                } else {
                    appendText(slot, c, Boolean.toString(v), fixed, false);
                }
            }
            case VALUE_NUMBER_INT -> addInteger(slot, parser, fixed);
            case VALUE_NUMBER_FLOAT -> {
                Column c = columnFor(slot, DataType.FLOAT64, fixed);
                switch (c.type().kind()) {
                    case FLOAT64 -> c.appendDouble(parser.getDoubleValue());
                    case DECIMAL -> appendDecimal(slot, c, parser.getDecimalValue(), fixed);
                    default -> appendText(slot, c, parser.getString(), fixed, false);
                }
            }
            case VALUE_STRING -> addString(slot, parser.getString(), fixed);
            case START_OBJECT, START_ARRAY -> addJson(slot, subtree(parser), fixed);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private void addInteger(Slot slot, JsonParser parser, DataType fixed) {
        JsonParser.NumberType numberType = parser.getNumberType();
        DataType natural = switch (numberType) {
            case INT -> DataType.INT32;
            case LONG -> DataType.INT64;
            default -> DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0);
        };
        Column c = columnFor(slot, natural, fixed);
        switch (c.type().kind()) {
            case INT32 -> {
                if (numberType == JsonParser.NumberType.INT) {
                    c.appendInt(parser.getIntValue());
                } else {
                    mismatch(slot, c, parser.getString(), fixed);
                }
            }
            case INT64 -> {
                if (numberType != JsonParser.NumberType.BIG_INTEGER) {
                    c.appendLong(parser.getLongValue());
                } else {
                    mismatch(slot, c, parser.getString(), fixed);
                }
            }
            case FLOAT64 -> c.appendDouble(parser.getDoubleValue());
            case DECIMAL -> {
                BigInteger big = parser.getBigIntegerValue();
                appendDecimal(slot, c, new BigDecimal(big), fixed);
            }
            default -> appendText(slot, c, parser.getString(), fixed, false);
        }
    }

    private void appendDecimal(Slot slot, Column c, BigDecimal value, DataType fixed) {
        DataType type = c.type();
        BigDecimal scaled = value.setScale(type.scale(), java.math.RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() <= type.precision() - type.scale()) {
            c.appendObject(scaled);
            return;
        }
        if (fixed != null) {
            throw new JsonValueException(slot.name, value.toPlainString(), type);
        }
        int digits = Math.min(value.precision() - value.scale(), DataType.MAX_DECIMAL_PRECISION);
        DataType wider = DataType.widen(type, DataType.decimal(Math.max(digits, 1), 0));
        widen(slot, wider);
        if (wider.kind() == TypeKind.DECIMAL) {
            appendDecimal(slot, slot.column, value, null);
        } else {
            slot.column.appendDouble(value.doubleValue());
        }
    }

    /** Appends text to a column of whatever type, converting where exact, widening where not. */
    private void appendText(Slot slot, Column c, String text, DataType fixed, boolean fromString) {
        switch (c.type().kind()) {
            case STRING -> c.appendObject(text);
            case JSON -> c.appendObject(fromString ? Column.quote(text) : text);
            case DATE -> {
                long day = Temporal.date(text, DateOrder.ISO);
                if (day == Temporal.INVALID) {
                    mismatch(slot, c, text, fixed);
                } else {
                    c.appendInt((int) day);
                }
            }
            case TIMESTAMP, TIMESTAMP_TZ -> {
                long micros = isoTimestamp(text, c.type().kind());
                if (micros == Temporal.INVALID) {
                    mismatch(slot, c, text, fixed);
                } else {
                    c.appendLong(micros);
                }
            }
            default -> {
                if (fixed == null || !dev.muara.formats.text.TextConverter.of(fixed, null).append(text, c)) {
                    mismatch(slot, c, text, fixed);
                }
            }
        }
    }

    private void mismatch(Slot slot, Column c, String text, DataType fixed) {
        if (fixed != null) {
            throw new JsonValueException(slot.name, text, fixed);
        }
        widen(slot, DataType.STRING.equals(c.type()) ? DataType.JSON : DataType.widen(c.type(), DataType.STRING));
        appendText(slot, slot.column, text, null, true);
    }

    private Column columnFor(Slot slot, DataType natural, DataType fixed) {
        if (slot.column == null) {
            slot.column = Column.nulls(fixed != null ? fixed : natural, rows);
            ensureCapacity(slot);
        } else if (fixed == null && !slot.column.type().equals(natural)) {
            DataType wider = DataType.widen(slot.column.type(), natural);
            if (!wider.equals(slot.column.type())) {
                widen(slot, wider);
            }
        }
        return slot.column;
    }

    private void ensureCapacity(Slot slot) {
        // Column grows by itself; this only keeps the first allocation close to the batch size.
        if (slot.column.size() == 0 && capacity > 0) {
            slot.column = new Column(slot.column.type(), capacity);
        }
    }

    private void widen(Slot slot, DataType wider) {
        Column old = slot.column;
        if (old.size() > rows) {
            // the value of this row already appended to the old column would be widened too; none is, by construction
            throw new IllegalStateException("widening a column mid-row");
        }
        slot.column = old.widenTo(wider);
    }

    private static DataType stringType(String text) {
        int n = text.length();
        if (n == 10 && Temporal.date(text, DateOrder.ISO) != Temporal.INVALID) {
            return DataType.DATE;
        }
        if (n >= 16 && n <= 40 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
            Temporal.Stamp stamp = Temporal.parseTimestamp(text, DateOrder.ISO);
            if (stamp != null) {
                return stamp.zoned() ? DataType.TIMESTAMP_TZ : DataType.TIMESTAMP;
            }
        }
        return DataType.STRING;
    }

    private static long isoTimestamp(String text, TypeKind kind) {
        Temporal.Stamp stamp = Temporal.parseTimestamp(text, DateOrder.ISO);
        if (stamp != null) {
            return stamp.micros();
        }
        long day = Temporal.date(text, DateOrder.ISO);
        return day == Temporal.INVALID ? Temporal.INVALID : day * 86_400_000_000L;
    }

    private static String subtree(JsonParser parser) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    /** The rows added since the last call, as a batch; the builder starts over, keeping column types. */
    public Batch build() {
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (slot.column != null) {
                fields.add(new Field(slot.name, slot.column.type()));
                columns.add(slot.column);
            }
        }
        Batch batch = new Batch(new Schema(fields), columns.toArray(new Column[0]), rows);
        for (Slot slot : slots.values()) {
            if (slot.column != null) {
                slot.column = new Column(slot.column.type(), capacity);
            }
            slot.filledRow = -1;
        }
        rows = 0;
        return batch;
    }
}
