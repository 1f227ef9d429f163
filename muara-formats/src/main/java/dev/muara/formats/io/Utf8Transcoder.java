package dev.muara.formats.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes text in any charset as UTF-8, streaming, so that parsers working on ASCII bytes can read
 * encodings that are not ASCII-compatible (UTF-16, Shift_JIS, GBK, ...).
 */
public final class Utf8Transcoder extends InputStream {

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private boolean endOfInput;

    public Utf8Transcoder(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset);
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!bytes.hasRemaining()) {
            if (endOfInput && !chars.hasRemaining()) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private void fill() throws IOException {
        chars.compact();
        int read = endOfInput ? -1 : reader.read(chars);
        chars.flip();
        if (read < 0) {
            endOfInput = true;
        }
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, endOfInput);
        if (result.isError()) {
            result.throwException();
        }
        if (endOfInput && !chars.hasRemaining()) {
            encoder.flush(bytes);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
