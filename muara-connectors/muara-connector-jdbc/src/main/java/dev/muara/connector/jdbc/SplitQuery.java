package dev.muara.connector.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query that reads one split, with the values it compares (range bounds, the position to resume after) kept
 * apart from its text until it is rendered: as JDBC parameters, or inline as quoted literals where the protocol
 * takes no parameters (PostgreSQL's COPY).
 */
final class SplitQuery {

    /**
     * A value the query compares a column with, in Muara's text form.
     *
     * @param column the column compared
     * @param text the value
     */
    record Value(ColumnInfo column, String text) {
    }

    private final TableSplit split;
    /** What follows the select list: FROM, WHERE, ORDER BY, OFFSET; each part a String or a {@link Value}. */
    private final List<Object> rest = new ArrayList<>();

    SplitQuery(TableSplit split) {
        this.split = split;
    }

    TableSplit split() {
        return split;
    }

    SplitQuery sql(String text) {
        rest.add(text);
        return this;
    }

    SplitQuery value(ColumnInfo column, String text) {
        rest.add(new Value(column, text));
        return this;
    }

    /**
     * The query's text: the split's columns as {@code select} writes each, then the rest with each value as
     * {@code value} renders it (a parameter marker, collecting the value, or a literal).
     */
    String render(Function<ColumnInfo, String> select, Function<Value, String> value) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < split.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(select.apply(split.columns().get(i)));
        }
        for (Object part : rest) {
            sql.append(part instanceof Value v ? value.apply(v) : (String) part);
        }
        return sql.toString();
    }
}
