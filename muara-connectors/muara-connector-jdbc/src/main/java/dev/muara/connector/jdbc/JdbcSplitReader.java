package dev.muara.connector.jdbc;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.SplitReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one split with a single streaming query, ordered by its key, so memory stays flat and a resumed split
 * continues right after the last row committed ({@code WHERE (k1, k2) > (?, ?)}). Position: the key values of the
 * last row read, or {@code #n} (rows read) when nothing orders the rows. After the end of a full load the position
 * is null, so the next run reads everything again; an incremental load keeps its last cursor value.
 */
final class JdbcSplitReader implements SplitReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Dialect dialect;
    private final ConnectionSettings settings;
    private final TableSplit split;
    private final ReaderContext context;
    private final Connection connection;
    private final SplitRows rows;
    private final Schema schema;
    private final int[] orderIndexes;
    private List<String> lastKey;
    private long rowsRead;
    /** No rows are left in the result. */
    private boolean done;
    /** {@link #next} has said so: the split has ended. */
    private boolean ended;

    JdbcSplitReader(Dialect dialect, Connections connections, ConnectionSettings settings, TableSplit split,
            String position, ReaderContext context, Options options) throws SQLException {
        this.dialect = dialect;
        this.settings = settings;
        this.split = split;
        this.context = context;
        List<Field> fields = new ArrayList<>();
        split.columns().forEach(c -> fields.add(new Field(c.name(), c.type())));
        this.schema = new Schema(fields);
        this.orderIndexes = split.order().stream().mapToInt(split::indexOf).toArray();
        boolean offsetMode = split.order().isEmpty();
        long offset = 0;
        if (position != null && offsetMode) {
            offset = Long.parseLong(position.substring(1));
            rowsRead = offset;
        } else if (position != null) {
            lastKey = PositionCodec.decode(position);
        }
        SplitQuery query = query(offsetMode, offset);
        Connection opened = null;
        try {
            opened = connections.get();
            this.rows = dialect.openRows(opened, query, options);
            this.connection = opened;
        } catch (SQLException e) {
            if (opened != null) {
                opened.close();
            }
            throw dialect.failure("cannot read " + split.id(), e, settings);
        } catch (RuntimeException e) {
            if (opened != null) {
                try {
                    opened.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The split's query: its range, past the position when resuming, in order (or after {@code offset} rows). */
    private SplitQuery query(boolean offsetMode, long offset) {
        SplitQuery query = new SplitQuery(split).sql(" FROM " + split.from());
        int conditions = 0;
        TableSplit.Range range = split.range();
        if (range != null && (range.lower() != null || range.upper() != null)) {
            ColumnInfo column = split.column(range.column());
            String compared = dialect.compared(column);
            query.sql(conditions++ == 0 ? " WHERE " : " AND ").sql(range.withNulls() ? "(" : "");
            if (range.lower() != null) {
                query.sql(compared + " >= ").value(column, range.lower());
            }
            if (range.upper() != null) {
                query.sql(range.lower() != null ? " AND " : "").sql(compared + " < ").value(column, range.upper());
            }
            query.sql(range.withNulls() ? " OR " + compared + " IS NULL)" : "");
        }
        if (split.cursor() != null) {
            // a row without a cursor value cannot be placed before or after a position: an incremental load skips it
            query.sql(conditions++ == 0 ? " WHERE " : " AND ").sql(dialect.quote(split.cursor()) + " IS NOT NULL");
        }
        if (lastKey != null) {
            query.sql(conditions == 0 ? " WHERE " : " AND ");
            resumeCondition(query);
        }
        List<String> order = offsetMode ? everyOrderableColumn() : split.order();
        if (!order.isEmpty()) {
            query.sql(" ORDER BY " + String.join(", ", order.stream().map(c -> dialect.compared(split.column(c))).toList()));
        }
        if (offsetMode && offset > 0) {
            query.sql(" " + dialect.offset(offset));
        }
        return query;
    }

    private List<String> everyOrderableColumn() {
        return split.columns().stream().filter(dialect::orderable).map(ColumnInfo::name).toList();
    }

    /**
     * Past the last key read; for an incremental load with a lookback, past the last cursor value minus the
     * lookback (re-reading late rows, which merge then upserts).
     */
    private void resumeCondition(SplitQuery query) {
        if (split.cursor() != null && split.lookback() != null && lastKey.get(0) != null) {
            ColumnInfo cursor = split.column(split.cursor());
            query.sql(dialect.compared(cursor) + " > ").value(cursor, behind(cursor.type(), lastKey.get(0), split.lookback()));
            return;
        }
        List<ColumnInfo> order = split.order().stream().map(split::column).toList();
        boolean row = order.size() > 1;
        query.sql(row ? "(" : "").sql(String.join(", ", order.stream().map(dialect::compared).toList()))
                .sql(row ? ") > (" : " > ");
        for (int i = 0; i < order.size(); i++) {
            query.sql(i == 0 ? "" : ", ").value(order.get(i), lastKey.get(i));
        }
        query.sql(row ? ")" : "");
    }

    /** {@code value} minus the lookback, in the same text form. */
    static String behind(DataType type, String value, String lookback) {
        TypeKind kind = type.kind();
        if (kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_TZ) {
            Matcher m = DURATION.matcher(lookback.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw MuaraException.config("lookback '" + lookback + "' is not a duration such as 10m, 2h or 1d")
                        .withHint("a time cursor takes a duration as lookback");
            }
            long amount = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return switch (kind) {
                case DATE -> LocalDate.parse(value).minusDays(Math.max(1, d.toDays())).toString();
                case TIMESTAMP -> LocalDateTime.parse(value.replace(' ', 'T')).minus(d).toString();
                default -> Instant.parse(value).minus(d).toString();
            };
        }
        try {
            return new BigDecimal(value).subtract(new BigDecimal(lookback.trim())).toPlainString();
        } catch (NumberFormatException e) {
            throw MuaraException.config("lookback '" + lookback + "' is not a number, as a numeric cursor needs");
        }
    }

    @Override
    public Batch next(Duration maxWait) {
        if (done) {
            ended = true;
            return null;
        }
        int capacity = context.batchRows();
        Column[] columns = new Column[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column(schema.field(i).type(), capacity);
        }
        int count;
        try {
            count = rows.fill(columns, capacity);
            if (count < capacity) {
                done = true;
            }
        } catch (SQLException e) {
            throw dialect.failure("cannot read " + split.id() + " after " + rowsRead + " rows", e, settings);
        }
        if (count == 0) {
            ended = true;
            return null;
        }
        rowsRead += count;
        if (orderIndexes.length > 0) {
            List<String> key = new ArrayList<>(orderIndexes.length);
            for (int index : orderIndexes) {
                key.add(columns[index].text(count - 1));
            }
            lastKey = key;
        }
        return new Batch(schema, columns, count);
    }

    @Override
    public String position() {
        if (ended && split.cursor() == null) {
            return null;
        }
        if (orderIndexes.length == 0) {
            return "#" + rowsRead;
        }
        return lastKey == null ? null : PositionCodec.encode(lastKey);
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } finally {
            connection.close();
        }
    }
}
