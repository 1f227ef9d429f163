package dev.muara.connector.jdbc;

import dev.muara.api.data.Column;
import dev.muara.api.error.MuaraException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads rows into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT binary)}: values travel in PostgreSQL's own
 * binary encoding, which the server ingests without parsing text. One COPY stays open across batches until
 * {@link #finish()}.
 */
final class PgCopyLoader implements RowLoader {

    /** The binary COPY header's signature, which {@link PgCopyRows} checks too. */
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL counts dates and timestamps from 2000-01-01, Muara from 1970-01-01. */
    static final long PG_EPOCH_DAYS = 10_957;
    static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000L;
    private static final int FLUSH_AT = 1 << 20;

    private final CopyManager copyManager;
    private final String sql;
    private final Encoding[] encodings;
    private final boolean sequence;
    private final String table;
    private CopyIn copy;
    private byte[] buf = new byte[FLUSH_AT + 64 * 1024];
    private int len;

    /** How one table column is written. */
    private enum Encoding { BOOL, INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, TEXT, JSONB, BYTEA, DATE, TIME, TIMESTAMP, UUID }

    PgCopyLoader(Connection connection, TableShape shape) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.table = shape.qualified();
        this.sequence = shape.sequence();
        StringBuilder columns = new StringBuilder();
        this.encodings = new Encoding[shape.columns().size()];
        for (int i = 0; i < encodings.length; i++) {
            ColumnInfo column = shape.columns().get(i);
            columns.append(i == 0 ? "" : ", ").append('"').append(column.name().replace("\"", "\"\"")).append('"');
            encodings[i] = encoding(column);
        }
        if (sequence) {
            columns.append(", \"_muara_seq\"");
        }
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)";
    }

    private Encoding encoding(ColumnInfo column) {
        String t = column.typeName().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "bool" -> Encoding.BOOL;
            case "int2", "smallserial" -> Encoding.INT2;
            case "int4", "serial" -> Encoding.INT4;
            case "int8", "bigserial", "oid" -> Encoding.INT8;
            case "float4" -> Encoding.FLOAT4;
            case "float8" -> Encoding.FLOAT8;
            case "numeric" -> Encoding.NUMERIC;
            case "jsonb" -> Encoding.JSONB;
            case "json", "text", "varchar", "bpchar", "name", "citext" -> Encoding.TEXT;
            case "bytea" -> Encoding.BYTEA;
            case "date" -> Encoding.DATE;
            case "time" -> Encoding.TIME;
            case "timestamp", "timestamptz" -> Encoding.TIMESTAMP;
            case "uuid" -> Encoding.UUID;
            default -> {
                // enums travel as their labels, as text does
                if (column.jdbcType() == Types.VARCHAR || column.jdbcType() == Types.CHAR) {
                    yield Encoding.TEXT;
                }
                throw MuaraException.data("column " + column.name() + " of " + table + " has type " + column.typeName()
                        + ", which Muara cannot load into").at(table)
                        .withHint("give the column a type Muara writes (text, numeric, timestamptz, jsonb, ...), or load into a new table");
            }
        };
    }

    @Override
    public void load(Column[] columns, int rows, long firstSequence) throws SQLException {
        if (copy == null) {
            copy = copyManager.copyIn(sql);
            put(SIGNATURE);
            putInt(0);
            putInt(0);
        }
        short fields = (short) (encodings.length + (sequence ? 1 : 0));
        for (int row = 0; row < rows; row++) {
            ensure(64);
            putShort(fields);
            for (int c = 0; c < encodings.length; c++) {
                Column column = columns[c];
                if (column == null || column.isNull(row)) {
                    ensure(4);
                    putInt(-1);
                } else {
                    encode(encodings[c], column, row);
                }
            }
            if (sequence) {
                ensure(12);
                putInt(8);
                putLong(firstSequence + row);
            }
            if (len >= FLUSH_AT) {
                flush();
            }
        }
    }

    private void encode(Encoding encoding, Column column, int row) {
        switch (encoding) {
            case BOOL -> {
                ensure(5);
                putInt(1);
                buf[len++] = (byte) (column.getBoolean(row) ? 1 : 0);
            }
            case INT2 -> {
                long v = integer(column, row);
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw tooBig(column, row, "smallint");
                }
                ensure(6);
                putInt(2);
                putShort((short) v);
            }
            case INT4 -> {
                long v = integer(column, row);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw tooBig(column, row, "integer");
                }
                ensure(8);
                putInt(4);
                putInt((int) v);
            }
            case INT8 -> {
                ensure(12);
                putInt(8);
                putLong(integer(column, row));
            }
            case FLOAT4 -> {
                ensure(8);
                putInt(4);
                putInt(Float.floatToIntBits((float) floating(column, row)));
            }
            case FLOAT8 -> {
                ensure(12);
                putInt(8);
                putLong(Double.doubleToLongBits(floating(column, row)));
            }
            case NUMERIC -> numeric(decimal(column, row));
            case TEXT -> bytes(column.text(row).getBytes(StandardCharsets.UTF_8), false);
            case JSONB -> bytes(column.text(row).getBytes(StandardCharsets.UTF_8), true);
            case BYTEA -> bytes(column.type().kind() == dev.muara.api.data.TypeKind.BINARY ? column.getBytes(row)
                    : column.text(row).getBytes(StandardCharsets.UTF_8), false);
            case DATE -> {
                ensure(8);
                putInt(4);
                putInt((int) (column.getInt(row) - PG_EPOCH_DAYS));
            }
            case TIME -> {
                ensure(12);
                putInt(8);
                putLong(column.getLong(row));
            }
            case TIMESTAMP -> {
                ensure(12);
                putInt(8);
                putLong(column.getLong(row) - PG_EPOCH_MICROS);
            }
            case UUID -> {
                UUID uuid = UUID.fromString(column.text(row));
                ensure(20);
                putInt(16);
                putLong(uuid.getMostSignificantBits());
                putLong(uuid.getLeastSignificantBits());
            }
        }
    }

    private static long integer(Column column, int row) {
        return switch (column.type().kind()) {
            case INT32 -> column.getInt(row);
            case INT64 -> column.getLong(row);
            case BOOLEAN -> column.getBoolean(row) ? 1 : 0;
            default -> column.getDecimal(row).longValueExact();
        };
    }

    private static double floating(Column column, int row) {
        return switch (column.type().kind()) {
            case INT32 -> column.getInt(row);
            case INT64 -> column.getLong(row);
            case DECIMAL -> column.getDecimal(row).doubleValue();
            default -> column.getDouble(row);
        };
    }

    private static BigDecimal decimal(Column column, int row) {
        return switch (column.type().kind()) {
            case INT32 -> BigDecimal.valueOf(column.getInt(row));
            case INT64 -> BigDecimal.valueOf(column.getLong(row));
            case FLOAT64 -> BigDecimal.valueOf(column.getDouble(row));
            default -> column.getDecimal(row);
        };
    }

    private MuaraException tooBig(Column column, int row, String type) {
        return MuaraException.data(column.text(row) + " does not fit the " + type + " column of " + table).at(table)
                .withHint("widen the column, or set schema_policy: discard_row to send such rows to the dead-letter file");
    }

    /** PostgreSQL's numeric: base-10000 digits with a weight, a sign and a display scale. */
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};
    private final short[] groups = new short[16];

    private void numeric(BigDecimal value) {
        // an unscaled value that fits a long (up to 18 digits, some of 19) in long arithmetic; the rest by text
        if (value.scale() < 0 || !numericFromLong(value)) {
            numericFromText(value);
        }
    }

    /**
     * PostgreSQL's numeric: base-10000 digits aligned on the decimal point, without leading or trailing zero
     * digits, the weight of the first, the sign and the display scale.
     */
    private boolean numericFromLong(BigDecimal value) {
        int scale = value.scale();
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + pad) / 4;
        java.math.BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() > 62 || fractionGroups + 6 > groups.length) {
            return false;
        }
        long scaled;
        try {
            scaled = Math.multiplyExact(Math.abs(unscaled.longValue()), POWERS_OF_TEN[pad]);
        } catch (ArithmeticException e) {
            return false;
        }
        int count = 0;
        do {
            groups[count++] = (short) (scaled % 10_000); // least significant first
            scaled /= 10_000;
        } while (scaled != 0 || count < fractionGroups);
        int first = count - 1;
        while (first >= 0 && groups[first] == 0) {
            first--;
        }
        int last = 0;
        while (last <= first && groups[last] == 0) {
            last++;
        }
        int n = first - last + 1;
        numericHeader(n, n == 0 ? 0 : first - fractionGroups, value.signum() < 0, scale);
        for (int i = first; i >= last; i--) {
            putShort(groups[i]);
        }
        return true;
    }

    /** A numeric's length, digit count, weight, sign and display scale, with room for its digits. */
    private void numericHeader(int digits, int weight, boolean negative, int scale) {
        ensure(12 + digits * 2);
        putInt(8 + digits * 2);
        putShort((short) digits);
        putShort((short) weight);
        putShort((short) (negative && digits > 0 ? 0x4000 : 0x0000));
        putShort((short) scale);
    }

    private void numericFromText(BigDecimal value) {
        BigDecimal abs = value.abs();
        int scale = Math.max(0, abs.scale());
        String plain = abs.setScale(scale).toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        if (whole.equals("0")) {
            whole = "";
        }
        int wholeGroups = (whole.length() + 3) / 4;
        whole = "0".repeat(wholeGroups * 4 - whole.length()) + whole;
        int fractionGroups = (fraction.length() + 3) / 4;
        fraction = fraction + "0".repeat(fractionGroups * 4 - fraction.length());
        String digitsText = whole + fraction;
        short[] digits = new short[wholeGroups + fractionGroups];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Short.parseShort(digitsText.substring(i * 4, i * 4 + 4));
        }
        int weight = wholeGroups - 1;
        int start = 0;
        while (start < digits.length && digits[start] == 0) {
            start++;
            weight--;
        }
        int end = digits.length;
        while (end > start && digits[end - 1] == 0) {
            end--;
        }
        int n = end - start;
        if (n == 0) {
            weight = 0;
        }
        numericHeader(n, weight, value.signum() < 0, scale);
        for (int i = start; i < end; i++) {
            putShort(digits[i]);
        }
    }

    private void bytes(byte[] bytes, boolean jsonb) {
        int length = bytes.length + (jsonb ? 1 : 0);
        ensure(4 + length);
        putInt(length);
        if (jsonb) {
            buf[len++] = 1;
        }
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void putShort(short v) {
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
    }

    private void putInt(int v) {
        buf[len++] = (byte) (v >> 24);
        buf[len++] = (byte) (v >> 16);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >> 32));
        putInt((int) v);
    }

    private void flush() throws SQLException {
        if (len > 0) {
            copy.writeToCopy(buf, 0, len);
            len = 0;
            if (buf.length > 4 * (FLUSH_AT + 64 * 1024)) {
                buf = new byte[FLUSH_AT + 64 * 1024];
            }
        }
    }

    @Override
    public void abort() {
        len = 0;
        if (copy != null) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the rollback that follows discards the rows either way
            }
            copy = null;
        }
    }

    @Override
    public void finish() throws SQLException {
        if (copy == null) {
            return;
        }
        ensure(2);
        putShort((short) -1);
        flush();
        copy.endCopy();
        copy = null;
    }
}
