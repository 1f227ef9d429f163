package dev.muara.formats.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 parser that works on bytes: delimiters, quotes and line breaks are ASCII, so any
 * ASCII-compatible encoding parses without decoding the whole input, and a field becomes a {@link String} only
 * when asked for. Memory is one buffer of at most {@link CsvDialect#maxRecordBytes()} plus a little.
 *
 * <p>Handles quoted fields holding delimiters, quotes and line breaks; CRLF, LF and CR line ends; a UTF-8 byte
 * order mark; blank lines (skipped). A malformed record does not stop the parser: {@link #problem()} says what is
 * wrong, {@link #rawRecord()} gives its text, and parsing goes on with the next line.
 *
 * <p>Positions are byte offsets in the input; a parser created with the offset and line of an earlier
 * {@link #offset()} and {@link #nextLine()} over a stream positioned there continues exactly where that one was.
 */
public final class CsvParser implements AutoCloseable {

    private static final int INITIAL_BUFFER = 256 * 1024;
    private static final byte QUOTED = 1;
    private static final byte ESCAPED = 2;

    private final InputStream in;
    private final CsvDialect dialect;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final boolean onlyEmptyIsNull;

    private byte[] buf;
    private int limit;
    private boolean eof;
    private long bufferOffset;
    private boolean bomChecked;

    private int pos;
    private long line;

    private int recStart;
    private int recEnd;
    private long recLine;
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte[] flags = new byte[64];
    private String problem;

    /**
     * @param in the input, positioned at {@code startOffset}
     * @param dialect how the file is written
     * @param startOffset the byte offset of the stream's first byte within the file (0 for the start)
     * @param startLine the line number of the stream's first byte (1 for the start)
     */
    public CsvParser(InputStream in, CsvDialect dialect, long startOffset, long startLine) {
        this.in = in;
        this.dialect = dialect;
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
        this.escape = dialect.escape();
        this.onlyEmptyIsNull = dialect.nullValues().equals(java.util.Set.of(""));
        this.buf = new byte[Math.min(INITIAL_BUFFER, dialect.maxRecordBytes() + 1)];
        this.bufferOffset = startOffset;
        this.line = startLine;
        this.bomChecked = startOffset != 0;
    }

    public CsvParser(InputStream in, CsvDialect dialect) {
        this(in, dialect, 0, 1);
    }

    /**
     * Starts over on one record held in {@code bytes} (a message), which the parser reads in place without
     * copying: {@link #next()} then returns that record and then false.
     */
    public void reset(byte[] bytes, int length) {
        buf = bytes;
        limit = length;
        eof = true;
        bomChecked = true;
        bufferOffset = 0;
        pos = 0;
        line = 1;
        recStart = 0;
        recEnd = 0;
        count = 0;
        problem = null;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        problem = null;
        count = 0;
        if (!skipBlankLines()) {
            return false;
        }
        recStart = pos;
        recLine = line;
        int p = pos;
        while (true) {
            if (p >= limit) {
                p -= refill();
                if (overflowed()) {
                    return recover(tooLong());
                }
                if (p >= limit) {
                    addField(p, p, (byte) 0);
                    recEnd = p;
                    break;
                }
            }
            p = buf[p] == quote ? quotedField(p) : unquotedField(p);
            if (p < 0) {
                return recover(problem);
            }
            // right after a field: a delimiter, a line break, the end of input, or (after quotes) a stray character
            if (p >= limit) {
                p -= refill();
                if (overflowed()) {
                    return recover(tooLong());
                }
            }
            if (p >= limit) {
                recEnd = p;
                break;
            }
            byte c = buf[p];
            if (c == delimiter) {
                p++;
                if (p >= limit) {
                    p -= refill();
                    if (p >= limit && !overflowed()) {
                        addField(p, p, (byte) 0);
                        recEnd = p;
                        break;
                    }
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                recEnd = p;
                p = lineEnd(p);
                break;
            }
            problem = "unexpected character '" + (char) (c & 0xff) + "' after a closing quote";
            p = skipToLineEnd(p);
            break;
        }
        pos = p;
        return true;
    }

    private String tooLong() {
        return "the record is longer than " + dialect.maxRecordBytes() + " bytes; an unbalanced quote is the usual cause";
    }

    /** Parses an unquoted field from {@code p}; returns the index of the character that ends it, or -1. */
    private int unquotedField(int p) throws IOException {
        int start = p;
        while (true) {
            if (p >= limit) {
                int shift = refill();
                p -= shift;
                start -= shift;
                if (overflowed()) {
                    problem = tooLong();
                    return -1;
                }
                if (p >= limit) {
                    break;
                }
            }
            byte c = buf[p];
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            p++;
        }
        addField(start, p, (byte) 0);
        return p;
    }

    /** Parses a quoted field starting at the quote at {@code p}; returns the index after the closing quote, or -1. */
    private int quotedField(int p) throws IOException {
        p++;
        int start = p;
        byte fieldFlags = QUOTED;
        while (true) {
            if (p + 1 >= limit) {
                int shift = refill();
                p -= shift;
                start -= shift;
                if (overflowed()) {
                    problem = tooLong();
                    return -1;
                }
                if (p >= limit) {
                    problem = "a quoted field is not closed before the end of the file";
                    return -1;
                }
            }
            byte c = buf[p];
            if (c == quote) {
                if (escape == quote && p + 1 < limit && buf[p + 1] == quote) {
                    fieldFlags |= ESCAPED;
                    p += 2;
                    continue;
                }
                addField(start, p, fieldFlags);
                return p + 1;
            }
            if (c == escape && escape != quote) {
                fieldFlags |= ESCAPED;
                p += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r' && (p + 1 >= limit || buf[p + 1] != '\n')) {
                line++;
            }
            p++;
        }
    }

    /** Consumes the line break at {@code p}; returns the index after it. */
    private int lineEnd(int p) throws IOException {
        line++;
        if (buf[p] == '\r') {
            p++;
            if (p >= limit) {
                p -= refill();
            }
            if (p < limit && buf[p] == '\n') {
                p++;
            }
            return p;
        }
        return p + 1;
    }

    private int skipToLineEnd(int p) throws IOException {
        while (true) {
            if (p >= limit) {
                p -= refill();
                if (p >= limit || overflowed()) {
                    recEnd = Math.min(p, limit);
                    return recEnd;
                }
            }
            if (buf[p] == '\n' || buf[p] == '\r') {
                recEnd = p;
                return lineEnd(p);
            }
            p++;
        }
    }

    /**
     * After a record that cannot be parsed: reports its first line as the bad record and goes on right after
     * that line, so one stray quote costs one line, not the rest of the file.
     */
    private boolean recover(String reason) throws IOException {
        problem = reason;
        count = 0;
        int p = recStart;
        while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
            p++;
        }
        recEnd = p;
        line = recLine;
        if (p < limit) {
            p = lineEnd(p);
        } else {
            line++;
        }
        pos = p;
        return true;
    }

    private boolean skipBlankLines() throws IOException {
        while (true) {
            if (pos >= limit) {
                recStart = pos;
                refill();
                if (pos >= limit) {
                    return false;
                }
            }
            byte b = buf[pos];
            if (b == '\n' || b == '\r') {
                recStart = pos;
                pos = lineEnd(pos);
                continue;
            }
            return true;
        }
    }

    private void addField(int start, int end, byte fieldFlags) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            flags = Arrays.copyOf(flags, count * 2);
        }
        starts[count] = start - recStart;
        ends[count] = end - recStart;
        flags[count] = fieldFlags;
        count++;
    }

    /**
     * Moves the current record to the front of the buffer and reads more input.
     *
     * @return how far the buffer content moved left, to subtract from indexes held by the caller
     */
    private int refill() throws IOException {
        if (eof) {
            return 0;
        }
        int shift = recStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            bufferOffset += shift;
            recStart = 0;
            recEnd -= shift;
            pos -= shift;
        }
        if (limit == buf.length) {
            if (buf.length > dialect.maxRecordBytes()) {
                return shift;
            }
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, dialect.maxRecordBytes() + 1L));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        if (!bomChecked && limit >= 3) {
            bomChecked = true;
            if (buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                System.arraycopy(buf, 3, buf, 0, limit - 3);
                limit -= 3;
                bufferOffset += 3;
            }
        } else if (eof) {
            bomChecked = true;
        }
        return shift;
    }

    private boolean overflowed() {
        return limit - recStart > dialect.maxRecordBytes();
    }

    /** The number of fields of the current record (0 when the record is malformed). */
    public int fieldCount() {
        return count;
    }

    /** Field {@code i} as text, or null when it is an unquoted null value. */
    public String field(int i) {
        int start = recStart + starts[i];
        int len = ends[i] - starts[i];
        byte f = flags[i];
        if (f == 0) {
            if (onlyEmptyIsNull) {
                return len == 0 ? null : new String(buf, start, len, dialect.charset());
            }
            String text = new String(buf, start, len, dialect.charset());
            return dialect.nullValues().contains(text) ? null : text;
        }
        if ((f & ESCAPED) == 0) {
            return new String(buf, start, len, dialect.charset());
        }
        byte[] out = new byte[len];
        int n = 0;
        for (int p = start; p < start + len; p++) {
            byte c = buf[p];
            if ((c == escape || c == quote) && p + 1 < start + len) {
                p++;
                c = buf[p];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, dialect.charset());
    }

    /** Whether field {@code i} was written in quotes. */
    public boolean isQuoted(int i) {
        return (flags[i] & QUOTED) != 0;
    }

    /** The current record as written, without its line break. */
    public String rawRecord() {
        return new String(buf, recStart, recEnd - recStart, dialect.charset());
    }

    /** The line on which the current record starts (1-based). */
    public long recordLine() {
        return recLine;
    }

    /** What is wrong with the current record, or null when it parsed. */
    public String problem() {
        return problem;
    }

    /** The byte offset right after the current record: where a resumed parser starts. */
    public long offset() {
        return bufferOffset + pos;
    }

    /** The line number at {@link #offset()}. */
    public long nextLine() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whether records of {@code charset} can be split on ASCII bytes without decoding. */
    public static boolean isAsciiCompatible(java.nio.charset.Charset charset) {
        String name = charset.name().toUpperCase(java.util.Locale.ROOT);
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || name.startsWith("ISO-8859-") || name.startsWith("WINDOWS-125") || name.equals("KOI8-R")
                || name.equals("KOI8-U");
    }
}
