package dev.muara.cli;

import dev.muara.core.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error as Muara installs them: text is held until a line ends (or a progress line is
 * redrawn) and passed through the {@link Redactor}, so a secret is blanked even when a driver or library prints
 * it.
 */
final class RedactingStream extends OutputStream {

    private final PrintStream target;
    private final Redactor redactor;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingStream(PrintStream target, Redactor redactor) {
        this.target = target;
        this.redactor = redactor;
    }

    static PrintStream wrap(PrintStream target, Redactor redactor) {
        return new PrintStream(new RedactingStream(target, redactor), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n' || b == '\r') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                line.write(b, start, i - start + 1);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.print(redactor.redact(text));
        target.flush();
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            emit();
        }
        target.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
