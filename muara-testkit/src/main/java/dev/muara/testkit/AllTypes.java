package dev.muara.testkit;

import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** A schema with a column of every Muara type, and rows that exercise their edges, for behaviour tests. */
public final class AllTypes {

    private AllTypes() {
    }

    public static final Schema SCHEMA = Schema.of(
            new Field("id", DataType.INT64),
            new Field("flag", DataType.BOOLEAN),
            new Field("small", DataType.INT32),
            new Field("ratio", DataType.FLOAT64),
            new Field("amount", DataType.decimal(12, 2)),
            new Field("name", DataType.STRING),
            new Field("payload", DataType.BINARY),
            new Field("day", DataType.DATE),
            new Field("at_time", DataType.TIME),
            new Field("local_ts", DataType.TIMESTAMP),
            new Field("instant", DataType.TIMESTAMP_TZ),
            new Field("doc", DataType.JSON));

    /** Three rows: ordinary values, edge values (non-ASCII, extremes, a leap day), and all nulls but the id. */
    public static List<List<Object>> rows() {
        return List.of(
                Rows.row(1L, true, 42, 3.5, new BigDecimal("1234.50"), "Budi, \"Santoso\"", new byte[] {1, 2, 3},
                        LocalDate.of(2024, 1, 31), LocalTime.of(10, 15, 30), LocalDateTime.of(2024, 1, 31, 10, 15, 30),
                        Instant.parse("2024-01-31T03:15:30Z"), "{\"a\":[1,2]}"),
                Rows.row(2L, false, Integer.MIN_VALUE, -1.0e-300, new BigDecimal("-9999999999.99"),
                        "Zoë 佐藤 Юлия\nnew line", new byte[0], LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 59, 999_999_000),
                        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_000), Instant.parse("2038-01-19T03:14:08.000001Z"),
                        "\"just a string\""),
                Rows.row(3L, null, null, null, null, null, null, null, null, null, null, null));
    }
}
