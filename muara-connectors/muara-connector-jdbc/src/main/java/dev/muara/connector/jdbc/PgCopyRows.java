package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import dev.muara.api.error.MuaraException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.util.PSQLState;

/**
 * A PostgreSQL split's rows through {@code COPY (SELECT …) TO STDOUT (FORMAT binary)}: each row arrives as
 * length-prefixed values in the server's own binary form and is decoded straight into the batch's columns, so no
 * value is turned into text and parsed back, and no number, date or timestamp becomes an object on the way. The
 * query casts a column whose type has no decoder here to the type Muara reads it as (text, most often). COPY takes
 * no parameters: the query's values (range bounds, the position to resume after) are inlined as quoted literals,
 * which PostgreSQL types by the column they are compared with.
 */
final class PgCopyRows implements SplitRows {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final BigInteger NBASE = BigInteger.valueOf(10_000);
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

    /** How one column's values are decoded: the PostgreSQL type the query hands it over as. */
    private enum Decoding {
        BOOL("bool"), INT2("int2"), INT4("int4"), INT8("int8"), FLOAT4("float4"), FLOAT8("float8"),
        NUMERIC("numeric"), TEXT("text"), BYTEA("bytea"), DATE("date"), TIME("time"), TIMESTAMP("timestamp"),
        TIMESTAMPTZ("timestamptz");

        final String type;

        Decoding(String type) {
            this.type = type;
        }
    }

    private final PGConnection connection;
    private final CopyOut copy;
    private final List<ColumnInfo> columns;
    private final Decoding[] decodings;
    /** The message being decoded (the server sends a row per message) and where in it. */
    private byte[] message = new byte[0];
    private int at;
    private boolean headerRead;
    private boolean ended;
    private long bytes;

    private PgCopyRows(PGConnection connection, CopyOut copy, List<ColumnInfo> columns, Decoding[] decodings) {
        this.connection = connection;
        this.copy = copy;
        this.columns = columns;
        this.decodings = decodings;
    }

    static PgCopyRows open(Dialect dialect, Connection connection, SplitQuery query) throws SQLException {
        List<ColumnInfo> columns = query.split().columns();
        Decoding[] decodings = new Decoding[columns.size()];
        for (int i = 0; i < decodings.length; i++) {
            decodings[i] = decoding(columns.get(i));
        }
        String select = query.render(column -> expression(dialect, column), value -> literal(value.text()));
        PGConnection pg = connection.unwrap(PGConnection.class);
        CopyOut copy = pg.getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
        return new PgCopyRows(pg, copy, columns, decodings);
    }

    private static Decoding decoding(ColumnInfo column) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        return switch (column.type().kind()) {
            case BOOLEAN -> Decoding.BOOL;
            case INT32 -> type.equals("int2") ? Decoding.INT2 : Decoding.INT4;
            case INT64 -> Decoding.INT8;
            case FLOAT64 -> type.equals("float4") ? Decoding.FLOAT4 : Decoding.FLOAT8;
            case DECIMAL -> Decoding.NUMERIC;
            case BINARY -> Decoding.BYTEA;
            case DATE -> Decoding.DATE;
            case TIME -> Decoding.TIME;
            case TIMESTAMP -> Decoding.TIMESTAMP;
            case TIMESTAMP_TZ -> Decoding.TIMESTAMPTZ;
            case STRING, JSON -> Decoding.TEXT;
        };
    }

    /**
     * The column as the query selects it: as it is when it already has its decoding's type, otherwise cast to it.
     * Arrays become JSON text, as the other readers give them. {@code bpchar} is not cast: the cast would trim the
     * padding that a JDBC read keeps.
     */
    private static String expression(Dialect dialect, ColumnInfo column) {
        String name = dialect.quote(column.name());
        String type = column.typeName().toLowerCase(Locale.ROOT);
        if (type.startsWith("_") || column.jdbcType() == Types.ARRAY) {
            return "to_json(" + name + ")::text";
        }
        Decoding decoding = decoding(column);
        boolean asIs = type.equals(decoding.type) || decoding == Decoding.TEXT
                && (type.equals("varchar") || type.equals("bpchar") || type.equals("name") || type.equals("json"));
        return asIs ? name : "CAST(" + name + " AS " + decoding.type + ")";
    }

    /** A string literal that means {@code text} whatever {@code standard_conforming_strings} says. */
    static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public int fill(Column[] into, int capacity) throws SQLException {
        int count = 0;
        while (count < capacity && nextRow()) {
            for (int i = 0; i < into.length; i++) {
                need(4);
                int length = (int) INT.get(message, at);
                at += 4;
                if (length < 0) {
                    into[i].appendNull();
                } else {
                    need(length);
                    decode(i, into[i], length);
                    at += length;
                }
            }
            count++;
        }
        return count;
    }

    /** Moves to the next row's values; false at the end of the rows. */
    private boolean nextRow() throws SQLException {
        if (ended || !more()) {
            ended = true;
            return false;
        }
        if (!headerRead) {
            // signature, flags, then a header extension of the length given, which no reader needs
            need(PgCopyLoader.SIGNATURE.length + 8);
            if (!Arrays.equals(message, at, at + PgCopyLoader.SIGNATURE.length, PgCopyLoader.SIGNATURE, 0,
                    PgCopyLoader.SIGNATURE.length)) {
                throw MuaraException.internal("PostgreSQL's COPY output does not start with the binary signature", null);
            }
            at += PgCopyLoader.SIGNATURE.length + 4;
            int extension = (int) INT.get(message, at);
            at += 4;
            need(extension);
            at += extension;
            headerRead = true;
        }
        need(2);
        int fields = (short) ((message[at] & 0xff) << 8 | message[at + 1] & 0xff);
        at += 2;
        if (fields == -1) {
            // the trailer: what follows is the end of the COPY
            while (copy.readFromCopy() != null) {
                // nothing comes after the trailer but the end itself
            }
            ended = true;
            return false;
        }
        if (fields != decodings.length) {
            throw MuaraException.internal("PostgreSQL's COPY sent " + fields + " values in a row, not " + decodings.length, null);
        }
        return true;
    }

    /** Whether anything is left to read: the current message has bytes, or another one comes. */
    private boolean more() throws SQLException {
        if (at < message.length) {
            return true;
        }
        byte[] next = copy.readFromCopy();
        if (next == null) {
            return false;
        }
        bytes += next.length;
        message = next;
        at = 0;
        return true;
    }

    /** Makes the next {@code n} bytes readable from {@code message} at {@code at}, joining messages if a value spans them. */
    private void need(int n) throws SQLException {
        if (message.length - at >= n) {
            return;
        }
        byte[] joined = Arrays.copyOfRange(message, at, message.length);
        while (joined.length < n) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                throw MuaraException.internal("PostgreSQL's COPY output ended inside a row", null);
            }
            bytes += next.length;
            int filled = joined.length;
            joined = Arrays.copyOf(joined, filled + next.length);
            System.arraycopy(next, 0, joined, filled, next.length);
        }
        message = joined;
        at = 0;
    }

    private void decode(int index, Column into, int length) {
        byte[] b = message;
        int p = at;
        switch (decodings[index]) {
            case BOOL -> into.appendBoolean(b[p] != 0);
            case INT2 -> into.appendInt((short) ((b[p] & 0xff) << 8 | b[p + 1] & 0xff));
            case INT4 -> into.appendInt((int) INT.get(b, p));
            case INT8, TIME -> into.appendLong((long) LONG.get(b, p));
            // the shortest decimal form, as a JDBC read of a real gives it, not the float's exact binary value
            case FLOAT4 -> into.appendDouble(Double.parseDouble(Float.toString(Float.intBitsToFloat((int) INT.get(b, p)))));
            case FLOAT8 -> into.appendDouble(Double.longBitsToDouble((long) LONG.get(b, p)));
            case NUMERIC -> into.appendObject(numeric(columns.get(index), b, p));
            case TEXT -> into.appendObject(new String(b, p, length, StandardCharsets.UTF_8));
            case BYTEA -> into.appendObject(Arrays.copyOfRange(b, p, p + length));
            case DATE -> {
                int days = (int) INT.get(b, p);
                if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
                    throw Dialect.outOfRange(columns.get(index), LocalDate.MAX);
                }
                into.appendInt(days + (int) PgCopyLoader.PG_EPOCH_DAYS);
            }
            case TIMESTAMP, TIMESTAMPTZ -> {
                long micros = (long) LONG.get(b, p);
                if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                    throw Dialect.outOfRange(columns.get(index), LocalDateTime.MAX);
                }
                into.appendLong(micros + PgCopyLoader.PG_EPOCH_MICROS);
            }
        }
    }

    /**
     * A numeric in PostgreSQL's form (digit count, weight of the first digit, sign, display scale, then base-10000
     * digits) at the column's scale, rounded half-even as a JDBC read rounds it. Up to four digits (sixteen decimal
     * ones) are gathered in a long.
     */
    private static BigDecimal numeric(ColumnInfo column, byte[] b, int p) {
        int digits = (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
        int weight = (short) ((b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff);
        int sign = (b[p + 4] & 0xff) << 8 | b[p + 5] & 0xff;
        if (sign != 0 && sign != 0x4000) {
            String shown = sign == 0xC000 ? "NaN" : "infinity";
            throw MuaraException.data("column '" + column.name() + "' holds " + shown + ", which a decimal cannot carry")
                    .withHint("convert it in a query, for example NULLIF(" + column.name() + ", 'NaN'), or read the "
                            + "table with a query that casts the column to text or double precision");
        }
        int scale = column.type().scale();
        // the digits make an integer; its decimal point sits this many decimal digits from the right
        int pointAt = 4 * (digits - weight - 1);
        if (digits <= 4) {
            long unscaled = 0;
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled * 10_000 + ((b[p + 8 + 2 * i] & 0xff) << 8 | b[p + 9 + 2 * i] & 0xff);
            }
            unscaled = sign == 0 ? unscaled : -unscaled;
            int shift = scale - pointAt;
            // the common cases, exactly: more places than the digits need (at most 18 decimal digits), or only zeros dropped
            if (shift >= 0 && shift <= 2) {
                return BigDecimal.valueOf(unscaled * POWERS_OF_TEN[shift], scale);
            }
            if (shift < 0 && shift >= -4 && unscaled % POWERS_OF_TEN[-shift] == 0) {
                return BigDecimal.valueOf(unscaled / POWERS_OF_TEN[-shift], scale);
            }
            return BigDecimal.valueOf(unscaled, pointAt).setScale(scale, RoundingMode.HALF_EVEN);
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            unscaled = unscaled.multiply(NBASE).add(BigInteger.valueOf((b[p + 8 + 2 * i] & 0xff) << 8 | b[p + 9 + 2 * i] & 0xff));
        }
        return new BigDecimal(sign == 0 ? unscaled : unscaled.negate(), pointAt).setScale(scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        // pgjdbc's cancelCopy leaves the rest of a COPY TO on the connection (pgjdbc issue 797), which breaks its next
        // query: cancel the statement instead, and read what the server sent before it stopped
        connection.cancelQuery();
        try {
            while (copy.readFromCopy() != null) {
                // discarded: the reader stops here
            }
        } catch (SQLException e) {
            if (!PSQLState.QUERY_CANCELED.getState().equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
