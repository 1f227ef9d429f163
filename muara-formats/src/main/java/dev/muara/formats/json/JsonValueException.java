package dev.muara.formats.json;

import dev.muara.api.data.DataType;

/** A JSON value that does not fit the type configuration gave its column. */
public final class JsonValueException extends RuntimeException {

    private final String column;

    JsonValueException(String column, String value, DataType type) {
        super("column " + column + ": " + abbreviate(value) + " is not a " + type);
        this.column = column;
    }

    public String column() {
        return column;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? "'" + value.substring(0, 57) + "...'" : "'" + value + "'";
    }
}
