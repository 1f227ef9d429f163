package dev.muara.api.data;

/** The kinds of value Muara moves. {@link DataType} adds precision and scale for decimals. */
public enum TypeKind {
    BOOLEAN,
    INT32,
    INT64,
    FLOAT64,
    DECIMAL,
    STRING,
    BINARY,
    DATE,
    TIME,
    TIMESTAMP,
    /** An instant: a timestamp with a time zone, stored in UTC. */
    TIMESTAMP_TZ,
    /** Nested data (objects, arrays), carried as JSON text. */
    JSON
}
