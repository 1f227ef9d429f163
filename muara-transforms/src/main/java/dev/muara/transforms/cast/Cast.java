package dev.muara.transforms.cast;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.formats.text.TextConverter;
import dev.muara.transforms.Columns;
import dev.muara.transforms.DroppedRows;
import dev.muara.api.data.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes column types. Each value goes through its text form (ISO for dates and times) and the converter of the new
 * type, with the column's format; a value that does not convert sends its row to the dead-letter store. An integer or
 * decimal cast to a decimal skips the text, to the same result.
 */
final class Cast implements Transform {

    /** Number kinds whose values convert to a decimal without going through text. */
    private static final Set<TypeKind> EXACT_NUMBERS = EnumSet.of(TypeKind.INT32, TypeKind.INT64, TypeKind.DECIMAL);

    /** The most of a value a reject's reason quotes: the whole row is in the dead-letter record anyway. */
    private static final int QUOTED = 60;

    private final Map<String, ColumnSpec> columns;
    private final Map<String, TextConverter> converters = new LinkedHashMap<>();

    /** @throws IllegalArgumentException naming the column whose format does not suit its type */
    Cast(Map<String, ColumnSpec> columns) {
        this.columns = new LinkedHashMap<>(columns);
        columns.forEach((name, spec) -> {
            try {
                converters.put(name, TextConverter.of(spec.type(), spec.format()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + name + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Schema outputSchema(Schema input) {
        Columns.requireAll(input, columns.keySet(), "cast");
        List<Field> fields = new ArrayList<>();
        for (Field field : input.fields()) {
            ColumnSpec spec = columns.get(field.name());
            fields.add(spec == null ? field : new Field(field.name(), spec.type()));
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        Column[] out = batch.columns().clone();
        DroppedRows rejected = new DroppedRows(batch.rowCount());
        for (Map.Entry<String, TextConverter> cast : converters.entrySet()) {
            int index = batch.schema().indexOf(cast.getKey());
            Column source = batch.column(index);
            if (source.type().equals(cast.getValue().type()) && columns.get(cast.getKey()).format() == null) {
                continue;
            }
            Column converted = new Column(cast.getValue().type(), batch.rowCount());
            boolean exact = cast.getValue().type().kind() == TypeKind.DECIMAL && EXACT_NUMBERS.contains(source.type().kind());
            for (int row = 0; row < batch.rowCount(); row++) {
                if (exact && !source.isNull(row) && !rejected.contains(row)) {
                    if (cast.getValue().appendDecimal(exactValue(source, row), converted)) {
                        continue;
                    }
                }
                String text = source.text(row);
                if (text == null || rejected.contains(row)) {
                    converted.appendNull();
                } else if (!cast.getValue().append(text, converted)) {
                    converted.appendNull();
                    rejected.drop(row);
                    context.reject(batch, row, "cast " + cast.getKey() + ": " + Columns.quoted(text, QUOTED) + " is not a "
                            + cast.getValue().type() + formatNote(cast.getKey()));
                }
            }
            out[index] = converted;
        }
        return rejected.from(new Batch(schema, out, batch.rowCount()));
    }

    /**
     * An integer or decimal value as a BigDecimal, the number its text would give, so a cast to a decimal skips the
     * text; a value that does not fit goes the text way, which rejects it with its reason.
     */
    private static BigDecimal exactValue(Column source, int row) {
        return switch (source.type().kind()) {
            case INT32 -> BigDecimal.valueOf(source.getInt(row));
            case INT64 -> BigDecimal.valueOf(source.getLong(row));
            default -> source.getDecimal(row);
        };
    }

    private String formatNote(String column) {
        String format = columns.get(column).format();
        return format == null ? "" : " in the format " + format;
    }
}
