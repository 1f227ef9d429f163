package dev.muara.formats.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF or CRLF), keeping byte offsets, for line-delimited formats such as NDJSON.
 * A line longer than the limit is reported as too long and skipped, so one bad line cannot take all memory.
 */
public final class LineReader implements AutoCloseable {

    /** How much of a too-long line is kept for the dead-letter record. */
    private static final int KEPT_OF_LONG_LINE = 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf = new byte[128 * 1024];
    private int start;
    private int limit;
    private boolean eof;
    private long bufferOffset;
    private long line;

    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private boolean tooLong;

    public LineReader(InputStream in, int maxLineBytes, long startOffset, long startLine) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.bufferOffset = startOffset;
        this.line = startLine;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        tooLong = false;
        int p = start;
        while (true) {
            while (p < limit) {
                if (buf[p] == '\n') {
                    lineStart = start;
                    lineEnd = p > start && buf[p - 1] == '\r' ? p - 1 : p;
                    lineNumber = line++;
                    start = p + 1;
                    if (lineEnd - lineStart > maxLineBytes) {
                        tooLong = true;
                        lineEnd = lineStart + KEPT_OF_LONG_LINE;
                    }
                    return true;
                }
                p++;
            }
            if (eof) {
                if (start < limit) {
                    lineStart = start;
                    lineEnd = limit;
                    lineNumber = line++;
                    start = limit;
                    if (lineEnd - lineStart > maxLineBytes) {
                        tooLong = true;
                        lineEnd = lineStart + KEPT_OF_LONG_LINE;
                    }
                    return true;
                }
                return false;
            }
            if (limit - start > maxLineBytes) {
                skipRestOfLine();
                return true;
            }
            int scanned = p - start;
            fill();
            p = start + scanned;
        }
    }

    private void skipRestOfLine() throws IOException {
        tooLong = true;
        lineNumber = line++;
        lineStart = start;
        lineEnd = start + Math.min(limit - start, KEPT_OF_LONG_LINE);
        // keep the first kilobyte for the dead-letter record, drop the rest up to the line break
        byte[] head = Arrays.copyOfRange(buf, lineStart, lineEnd);
        while (true) {
            for (int p = start; p < limit; p++) {
                if (buf[p] == '\n') {
                    bufferOffset += p + 1;
                    int rest = limit - p - 1;
                    System.arraycopy(buf, p + 1, buf, head.length, rest);
                    System.arraycopy(head, 0, buf, 0, head.length);
                    bufferOffset -= head.length;
                    lineStart = 0;
                    lineEnd = head.length;
                    start = head.length;
                    limit = head.length + rest;
                    return;
                }
            }
            bufferOffset += limit;
            start = 0;
            limit = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                System.arraycopy(head, 0, buf, 0, head.length);
                bufferOffset -= head.length;
                lineStart = 0;
                lineEnd = head.length;
                start = head.length;
                limit = head.length;
                return;
            }
            limit = n;
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            bufferOffset += start;
            start = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The buffer holding the current line; valid until the next call. */
    public byte[] buffer() {
        return buf;
    }

    public int lineStart() {
        return lineStart;
    }

    public int lineLength() {
        return lineEnd - lineStart;
    }

    /** The 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line was longer than the limit; only its first kilobyte is kept. */
    public boolean isTooLong() {
        return tooLong;
    }

    /** Whether the current line holds only spaces and tabs. */
    public boolean isBlank() {
        for (int p = lineStart; p < lineEnd; p++) {
            if (buf[p] != ' ' && buf[p] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The byte offset after the current line: where a resumed reader starts. */
    public long offset() {
        return bufferOffset + start;
    }

    /** The number the next line will have. */
    public long nextLine() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
