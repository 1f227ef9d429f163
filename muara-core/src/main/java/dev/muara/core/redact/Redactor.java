package dev.muara.core.redact;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Knows every secret value resolved in this process and blanks it out of any text: the CLI passes all output,
 * log lines, error messages and run records through it, so a secret never appears even when a connector or a
 * driver puts one in a message. Thread-safe.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final int SHORTEST_SECRET = 3;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Remembers {@code value} as a secret. Very short values are ignored: blanking them would garble all text. */
    public void register(String value) {
        if (value == null || value.length() < SHORTEST_SECRET || secrets.contains(value)) {
            return;
        }
        secrets.add(value);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** {@code text} with every known secret replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
