package dev.muara.transforms.time;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.data.TypeKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformContext;
import dev.muara.formats.text.DateOrder;
import dev.muara.formats.text.Temporal;
import dev.muara.transforms.Columns;
import dev.muara.transforms.DroppedRows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes timestamps mean one thing: a value without a zone is read as a local time of {@code zone}, then the instant
 * is written in UTC (a timestamptz) or as the wall-clock time of another zone (a timestamp).
 */
final class Timestamps implements Transform {

    /** What to do with a local time that happens twice, when clocks go back. */
    enum Ambiguous { EARLIER, LATER, REJECT }

    /** What to do with a local time that never happens, when clocks jump forward. */
    enum Nonexistent { SHIFT, REJECT }

    private static final Set<TypeKind> READS = Set.of(TypeKind.STRING, TypeKind.DATE, TypeKind.TIMESTAMP,
            TypeKind.TIMESTAMP_TZ);

    private final List<String> columns;
    private final ZoneId zone;
    private final ZoneId to;
    private final DateTimeFormatter format;
    private final String pattern;
    private final Ambiguous ambiguous;
    private final Nonexistent nonexistent;

    /** @param pattern the pattern {@code format} was made of, for messages; null without a format */
    Timestamps(List<String> columns, ZoneId zone, ZoneId to, String pattern, Ambiguous ambiguous,
            Nonexistent nonexistent) {
        this.columns = List.copyOf(columns);
        this.zone = zone;
        this.to = to;
        this.pattern = pattern;
        this.format = pattern == null ? null : Temporal.strictPattern(pattern);
        this.ambiguous = ambiguous;
        this.nonexistent = nonexistent;
    }

    private boolean toUtc() {
        return to.normalized().equals(ZoneOffset.UTC);
    }

    @Override
    public Schema outputSchema(Schema input) {
        List<Field> fields = new ArrayList<>(input.fields());
        for (String column : columns) {
            int index = Columns.require(input, column, "timestamp");
            DataType type = input.field(index).type();
            if (!READS.contains(type.kind())) {
                throw MuaraException.config("transform timestamp: column '" + column + "' is " + type
                        + ", not a timestamp, date or text").withHint("cast it first");
            }
            fields.set(index, new Field(column, toUtc() ? DataType.TIMESTAMP_TZ : DataType.TIMESTAMP));
        }
        return new Schema(fields);
    }

    @Override
    public Batch apply(Batch batch, TransformContext context) {
        Schema schema = outputSchema(batch.schema());
        Column[] out = batch.columns().clone();
        DroppedRows rejected = new DroppedRows(batch.rowCount());
        for (String column : columns) {
            int index = batch.schema().indexOf(column);
            Column source = batch.column(index);
            Column normalised = new Column(schema.field(index).type(), batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                String problem = source.isNull(row) || rejected.contains(row) ? null : append(source, row, normalised);
                if (source.isNull(row) || rejected.contains(row)) {
                    normalised.appendNull();
                } else if (problem != null) {
                    normalised.appendNull();
                    rejected.drop(row);
                    context.reject(batch, row, "timestamp " + column + ": " + problem);
                }
            }
            out[index] = normalised;
        }
        return rejected.from(new Batch(schema, out, batch.rowCount()));
    }

    /** Appends the normalised value of {@code row}; returns why it cannot be, or null. */
    private String append(Column source, int row, Column out) {
        long micros = source.type().kind() == TypeKind.TIMESTAMP_TZ ? source.getLong(row) : Long.MIN_VALUE;
        if (micros == Long.MIN_VALUE) {
            Object local = local(source, row);
            if (local instanceof String problem) {
                return problem;
            }
            if (local instanceof Instant instant) {
                micros = micros(instant);
            } else {
                Object instant = resolve((LocalDateTime) local);
                if (instant instanceof String problem) {
                    return problem;
                }
                micros = micros((Instant) instant);
            }
        }
        if (toUtc()) {
            out.appendLong(micros);
        } else {
            Instant instant = Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L));
            out.appendLong(micros(LocalDateTime.ofInstant(instant, to).toInstant(ZoneOffset.UTC)));
        }
        return null;
    }

    /** The value as an instant (it carried a zone), a local date-time, or the reason it is not a timestamp. */
    private Object local(Column source, int row) {
        switch (source.type().kind()) {
            case DATE:
                return LocalDate.ofEpochDay(source.getInt(row)).atStartOfDay();
            case TIMESTAMP:
                return LocalDateTime.ofEpochSecond(Math.floorDiv(source.getLong(row), 1_000_000L),
                        (int) Math.floorMod(source.getLong(row), 1_000_000L) * 1000, ZoneOffset.UTC);
            default:
                return parse(source.getString(row));
        }
    }

    private Object parse(String text) {
        String shown = Columns.quoted(text, 60);
        if (format != null) {
            try {
                TemporalAccessor parsed = format.parseBest(text, ZonedDateTime::from, OffsetDateTime::from,
                        LocalDateTime::from, LocalDate::from);
                return switch (parsed) {
                    case ZonedDateTime z -> z.toInstant();
                    case OffsetDateTime o -> o.toInstant();
                    case LocalDateTime l -> l;
                    default -> ((LocalDate) parsed).atStartOfDay();
                };
            } catch (DateTimeParseException e) {
                return shown + " is not a timestamp in the format " + pattern;
            }
        }
        Temporal.Stamp stamp = Temporal.parseTimestamp(text, DateOrder.ISO);
        if (stamp != null) {
            Instant instant = Instant.EPOCH.plusNanos(Math.multiplyExact(stamp.micros(), 1000L));
            return stamp.zoned() ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        long day = Temporal.date(text, DateOrder.ISO);
        if (day != Temporal.INVALID) {
            return LocalDate.ofEpochDay(day).atStartOfDay();
        }
        return shown + " is not an ISO timestamp (give a format)";
    }

    /** The instant a local time of {@code zone} names, or why it names none or two. */
    private Object resolve(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            if (nonexistent == Nonexistent.REJECT) {
                return local + " does not exist in " + zone + " (the clocks jump forward)";
            }
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }
        return switch (ambiguous) {
            case EARLIER -> local.toInstant(offsets.get(0));
            case LATER -> local.toInstant(offsets.get(1));
            case REJECT -> local + " happens twice in " + zone + " (the clocks go back)";
        };
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
