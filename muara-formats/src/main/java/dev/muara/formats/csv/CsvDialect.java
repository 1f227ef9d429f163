package dev.muara.formats.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * How a CSV file is written. Delimiter, quote and escape must be single ASCII characters, so the parser can work
 * on bytes for every ASCII-compatible encoding.
 *
 * @param delimiter the field separator
 * @param quote the quote character; a quote inside a quoted field is written twice, or escaped with
 *     {@code escape}
 * @param escape the character that escapes a quote inside a quoted field; equal to {@code quote} for the RFC 4180
 *     doubling
 * @param header whether the first record names the columns
 * @param charset the text encoding
 * @param nullValues unquoted field texts that mean null (a quoted field is never null)
 * @param maxRecordBytes the longest record accepted; longer ones (often an unbalanced quote) are rejected
 */
public record CsvDialect(byte delimiter, byte quote, byte escape, boolean header, Charset charset,
        Set<String> nullValues, int maxRecordBytes) {

    /** The longest record accepted by default: 16 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

    public static final CsvDialect RFC4180 = new CsvDialect((byte) ',', (byte) '"', (byte) '"', true,
            StandardCharsets.UTF_8, Set.of(""), DEFAULT_MAX_RECORD_BYTES);

    public CsvDialect {
        nullValues = Set.copyOf(nullValues);
        if (delimiter == quote) {
            throw new IllegalArgumentException("the delimiter and the quote must differ");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("the delimiter and the quote cannot be line breaks");
        }
    }

    public CsvDialect withDelimiter(char c) {
        return new CsvDialect(ascii(c, "delimiter"), quote, escape, header, charset, nullValues, maxRecordBytes);
    }

    public CsvDialect withQuote(char c) {
        byte q = ascii(c, "quote");
        byte e = escape == quote ? q : escape;
        return new CsvDialect(delimiter, q, e, header, charset, nullValues, maxRecordBytes);
    }

    public CsvDialect withEscape(char c) {
        return new CsvDialect(delimiter, quote, ascii(c, "escape"), header, charset, nullValues, maxRecordBytes);
    }

    public CsvDialect withHeader(boolean h) {
        return new CsvDialect(delimiter, quote, escape, h, charset, nullValues, maxRecordBytes);
    }

    public CsvDialect withCharset(Charset c) {
        return new CsvDialect(delimiter, quote, escape, header, c, nullValues, maxRecordBytes);
    }

    public CsvDialect withNullValues(Set<String> values) {
        return new CsvDialect(delimiter, quote, escape, header, charset, values, maxRecordBytes);
    }

    public CsvDialect withMaxRecordBytes(int max) {
        return new CsvDialect(delimiter, quote, escape, header, charset, nullValues, max);
    }

    private static byte ascii(char c, String what) {
        if (c == 0 || c > 127 || c == '\n' || c == '\r') {
            throw new IllegalArgumentException("the " + what + " must be one ASCII character other than a line break");
        }
        return (byte) c;
    }
}
