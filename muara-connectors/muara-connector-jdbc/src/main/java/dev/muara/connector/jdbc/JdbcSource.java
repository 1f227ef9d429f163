package dev.muara.connector.jdbc;

import dev.muara.api.data.DataType;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables or a query of a relational database. Each table is a stream (or the configured stream, for a single
 * table or a query); each table is one split, or {@code partitions} splits by ranges of a key. A full load reads
 * everything every run; an incremental load reads past the cursor value the last run committed.
 */
final class JdbcSource implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSource.class);

    private final Dialect dialect;
    private final SourceContext context;
    private final Options options;
    private final ConnectionSettings settings;
    private final Map<String, TableSplit> splits = new ConcurrentHashMap<>();
    private final Map<String, List<String>> keys = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private Connections connections;

    JdbcSource(Dialect dialect, SourceContext context, Options options, ConnectionSettings settings) {
        this.dialect = dialect;
        this.context = context;
        this.options = options;
        this.settings = settings;
        boolean tables = options.get(JdbcOptions.TABLES) != null;
        boolean query = options.get(JdbcOptions.QUERY) != null;
        if (tables == query) {
            throw MuaraException.config(options.owner() + " needs either tables or query (not both)").at(options.where(JdbcOptions.TABLES));
        }
    }

    /** Whether these options name several tables, or patterns: each table is then a stream of its own. */
    static boolean manyTables(Options options) {
        List<String> tables = options.get(JdbcOptions.TABLES);
        return tables != null && (tables.size() > 1 || tables.stream().anyMatch(Catalog::isPattern));
    }

    private synchronized Connections connections() {
        if (connections == null) {
            connections = dialect.connections(settings);
        }
        return connections;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Split> plan(PlanContext plan) throws SQLException {
        List<Split> result = new ArrayList<>();
        try (Connection connection = connections().get()) {
            Catalog catalog = new Catalog(dialect, connection);
            String query = options.get(JdbcOptions.QUERY);
            if (query != null) {
                String from = "(" + query.strip().replaceAll(";+$", "") + "\n) muara_query";
                List<ColumnInfo> columns = catalog.columns(from);
                result.add(register(planTable(context.stream(), "query", from, columns, List.of(), null, plan, catalog)).get(0));
                return result;
            }
            String schema = options.get(JdbcOptions.SOURCE_SCHEMA);
            if (schema == null) {
                schema = dialect.defaultSchema(connection);
            }
            boolean many = manyTables(options);
            LinkedHashMap<String, TableRef> tables = new LinkedHashMap<>();
            for (String pattern : options.get(JdbcOptions.TABLES)) {
                List<TableRef> matched = catalog.match(pattern, schema);
                if (matched.isEmpty() && !Catalog.isPattern(pattern)) {
                    throw options.invalid(JdbcOptions.TABLES, "there is no table " + pattern + " in " + settings.describe());
                }
                boolean schemaWildcard = pattern.contains(".") && Catalog.isPattern(pattern.substring(0, pattern.indexOf('.')));
                for (TableRef table : matched) {
                    String stream = !many ? context.stream() : schemaWildcard ? table.toString() : table.name();
                    tables.putIfAbsent(stream, table);
                }
            }
            for (Map.Entry<String, TableRef> e : tables.entrySet()) {
                TableRef table = e.getValue();
                String from = table.qualified(dialect);
                List<ColumnInfo> columns = catalog.columns(from);
                List<String> key = catalog.primaryKey(table);
                keys.put(e.getKey(), key);
                result.addAll(register(planTable(e.getKey(), table.toString(), from, columns, key,
                        table, plan, catalog)));
            }
        } catch (SQLException e) {
            throw dialect.failure("cannot plan the read", e, settings);
        }
        return result;
    }

    private List<Split> register(List<TableSplit> planned) {
        List<Split> out = new ArrayList<>();
        for (TableSplit split : planned) {
            splits.put(split.stream() + "\u0000" + split.id(), split);
            out.add(new Split(split.stream(), split.id(), split.fingerprint(), -1));
        }
        return out;
    }

    private List<TableSplit> planTable(String stream, String name, String from, List<ColumnInfo> columns, List<String> key,
            TableRef table, PlanContext plan, Catalog catalog) throws SQLException {
        for (ColumnInfo column : columns) {
            if (column.lossy() != null && warned.add(name + "." + column.name())) {
                LOG.warn("{}.{} ({}): {}", name, column.name(), column.typeName(), column.lossy());
            }
        }
        String cursor = options.get(JdbcOptions.CURSOR);
        List<String> order = new ArrayList<>();
        if (cursor != null) {
            requireColumn(columns, cursor, JdbcOptions.CURSOR, name);
            order.add(cursor);
        }
        boolean keyUsable = key.stream().allMatch(k -> columns.stream().anyMatch(c -> c.name().equals(k) && dialect.orderable(c)));
        if (keyUsable && !key.isEmpty()) {
            key.stream().filter(k -> !order.contains(k)).forEach(order::add);
        } else {
            // no key: every orderable column breaks ties, so a position never falls inside a run of equal values
            columns.stream().filter(dialect::orderable).map(ColumnInfo::name).filter(c -> !order.contains(c)).forEach(order::add);
        }
        String lookback = options.get(JdbcOptions.LOOKBACK);
        String fingerprint = (cursor == null ? "full" : "cursor=" + cursor) + "|order=" + String.join(",", order);
        int partitions = options.get(JdbcOptions.PARTITIONS).intValue();
        String partitionColumn = partitionColumn(columns, key, name);
        if (partitions <= 1 || cursor != null || partitionColumn == null || table == null) {
            if (partitions > 1 && warned.add(name + "#partitions")) {
                LOG.warn("{} is read in one split: {}", name, cursor != null ? "an incremental load follows its cursor in order"
                        : "it has no numeric or date column to split by; set partition_column");
            }
            return List.of(new TableSplit(stream, name, from, columns, order, null, cursor, lookback, fingerprint));
        }
        List<String[]> ranges = previousRanges(stream, name, plan);
        if (ranges.isEmpty()) {
            ranges = ranges(catalog, from, columns.stream().filter(c -> c.name().equals(partitionColumn)).findFirst().orElseThrow(),
                    partitions);
        }
        List<TableSplit> out = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            String[] r = ranges.get(i);
            String id = name + "@" + PositionCodec.encode(Arrays.asList(r[0], r[1]));
            out.add(new TableSplit(stream, id, from, columns, order, new TableSplit.Range(partitionColumn, r[0], r[1], r[1] == null),
                    null, null, fingerprint));
        }
        return out;
    }

    private void requireColumn(List<ColumnInfo> columns, String column, dev.muara.api.option.OptionSpec<?> option, String table) {
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            throw options.invalid(option, table + " has no column " + column + "; its columns: "
                    + String.join(", ", columns.stream().map(ColumnInfo::name).toList()));
        }
    }

    private String partitionColumn(List<ColumnInfo> columns, List<String> key, String table) {
        String configured = options.get(JdbcOptions.PARTITION_COLUMN);
        if (configured != null) {
            requireColumn(columns, configured, JdbcOptions.PARTITION_COLUMN, table);
            return configured;
        }
        if (key.size() != 1) {
            return null;
        }
        ColumnInfo column = columns.stream().filter(c -> c.name().equals(key.get(0))).findFirst().orElse(null);
        return column != null && splittable(column.type()) ? column.name() : null;
    }

    private static boolean splittable(DataType type) {
        return switch (type.kind()) {
            case INT32, INT64, DECIMAL, DATE, TIMESTAMP, TIMESTAMP_TZ -> true;
            default -> false;
        };
    }

    /** When resuming, the ranges the cut-short run planned, so its committed positions still fit. */
    private List<String[]> previousRanges(String stream, String name, PlanContext plan) {
        if (!plan.resuming()) {
            return List.of();
        }
        List<String[]> ranges = new ArrayList<>();
        for (String id : plan.previousSplits(stream)) {
            if (id.startsWith(name + "@")) {
                List<String> bounds = PositionCodec.decode(id.substring(name.length() + 1));
                ranges.add(new String[] {bounds.get(0), bounds.get(1)});
            }
        }
        return ranges;
    }

    /** Splits [min, max] of a numeric or date column into {@code n} ranges; the outer bounds stay open. */
    private List<String[]> ranges(Catalog catalog, String from, ColumnInfo column, int n) throws SQLException {
        String quoted = dialect.quote(column.name());
        Object min;
        Object max;
        try (Connection connection = connections().get(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT min(" + quoted + "), max(" + quoted + ") FROM " + from)) {
            rows.next();
            min = rows.getObject(1);
            max = rows.getObject(2);
        }
        List<String[]> ranges = new ArrayList<>();
        if (min == null) {
            ranges.add(new String[] {null, null});
            return ranges;
        }
        List<String> bounds = boundaries(column.type(), String.valueOf(min), String.valueOf(max), min, max, n);
        String lower = null;
        for (String bound : bounds) {
            ranges.add(new String[] {lower, bound});
            lower = bound;
        }
        ranges.add(new String[] {lower, null});
        return ranges;
    }

    private static List<String> boundaries(DataType type, String minText, String maxText, Object min, Object max, int n) {
        List<String> bounds = new ArrayList<>();
        TypeKind kind = type.kind();
        if (kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_TZ) {
            long lo = epochMicros(min);
            long hi = epochMicros(max);
            long step = Math.max(1, (hi - lo) / n);
            for (int i = 1; i < n; i++) {
                long b = lo + step * i;
                if (b > hi) {
                    break;
                }
                bounds.add(temporalText(kind, b));
            }
            return bounds.stream().distinct().toList();
        }
        BigDecimal lo = new BigDecimal(minText);
        BigDecimal hi = new BigDecimal(maxText);
        BigDecimal step = hi.subtract(lo).divide(BigDecimal.valueOf(n), 0, RoundingMode.CEILING).max(BigDecimal.ONE);
        for (int i = 1; i < n; i++) {
            BigDecimal b = lo.add(step.multiply(BigDecimal.valueOf(i)));
            if (b.compareTo(hi) > 0) {
                break;
            }
            bounds.add(b.toPlainString());
        }
        return bounds;
    }

    private static long epochMicros(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay() * 86_400_000_000L;
        }
        if (value instanceof java.sql.Timestamp t) {
            return Dialect.micros(t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC));
        }
        if (value instanceof java.time.LocalDate d) {
            return d.toEpochDay() * 86_400_000_000L;
        }
        if (value instanceof java.time.LocalDateTime t) {
            return Dialect.micros(t.toInstant(java.time.ZoneOffset.UTC));
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return Dialect.micros(t.toInstant());
        }
        return Dialect.micros(java.time.Instant.parse(value.toString()));
    }

    private static String temporalText(TypeKind kind, long micros) {
        java.time.Instant instant = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
        return switch (kind) {
            case DATE -> java.time.LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC).toString();
            case TIMESTAMP -> java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC).toString();
            default -> instant.toString();
        };
    }

    @Override
    public List<String> primaryKey(String stream) {
        return keys.getOrDefault(stream, List.of());
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) throws SQLException {
        TableSplit table = splits.get(split.stream() + "\u0000" + split.id());
        if (table == null) {
            throw MuaraException.internal("split " + split.id() + " was not planned", null);
        }
        return new JdbcSplitReader(dialect, connections(), settings, table, position, readerContext, options);
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }

    /** For tests: what the planner decided. */
    Map<String, TableSplit> planned() {
        return new HashMap<>(splits);
    }
}
