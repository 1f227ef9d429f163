package dev.muara.transforms.quality;

import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.formats.text.TextConverter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The built-in rules, made for the type of the column they check. */
final class Rules {

    private Rules() {
    }

    static Rule notNull() {
        return (column, row) -> column.isNull(row);
    }

    /** Values outside {@code [min, max]}, either bound optional, compared as the column's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Rule range(DataType type, String name, String min, String max) {
        if (type.kind() == TypeKind.JSON || type.kind() == TypeKind.BINARY || type.kind() == TypeKind.BOOLEAN) {
            throw MuaraException.config("check " + name + ": a range needs numbers, text, dates or times, not " + type);
        }
        Comparable low = min == null ? null : (Comparable) value(type, name, min);
        Comparable high = max == null ? null : (Comparable) value(type, name, max);
        return (column, row) -> {
            if (column.isNull(row)) {
                return false;
            }
            Object value = column.getObject(row);
            return low != null && low.compareTo(value) > 0 || high != null && high.compareTo(value) < 0;
        };
    }

    /** Values that do not match {@code pattern} as a whole, compared as text. */
    static Rule regex(Pattern pattern) {
        return (column, row) -> !column.isNull(row) && !pattern.matcher(column.text(row)).matches();
    }

    /** Values not among {@code values}, which are read as the column's type. */
    static Rule in(DataType type, String name, List<String> values) {
        Set<Object> allowed = new HashSet<>();
        for (String value : values) {
            allowed.add(value(type, name, value));
        }
        return (column, row) -> !column.isNull(row) && !allowed.contains(column.getObject(row));
    }

    /** Values seen before in the run; at most {@code maxKeys} remembered, the oldest forgotten first. */
    static Rule unique(long maxKeys) {
        Map<Object, Boolean> seen = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
                return size() > maxKeys;
            }
        };
        return (column, row) -> {
            if (column.isNull(row)) {
                return false;
            }
            Object value = column.getObject(row);
            Object key = value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value;
            synchronized (seen) {
                return seen.putIfAbsent(key, Boolean.TRUE) != null;
            }
        };
    }

    private static Object value(DataType type, String name, String text) {
        Column one = new Column(type, 1);
        if (!TextConverter.of(type, null).append(text, one)) {
            throw MuaraException.config("check " + name + ": '" + text + "' is not a " + type + ", the column's type")
                    .withHint("write the value as the column's type is written (12.50, 2024-12-25, true)");
        }
        return one.getObject(0);
    }
}
