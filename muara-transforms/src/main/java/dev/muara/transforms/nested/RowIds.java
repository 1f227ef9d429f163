package dev.muara.transforms.nested;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The generated keys of nested data: 32 hex digits, the first 128 bits of a SHA-256 over the parts that identify a
 * row, each part prefixed with its length so that no two lists of parts hash the same text.
 */
final class RowIds {

    private RowIds() {
    }

    /** One digest per thread: looking one up costs about as much as hashing a short id. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    static String of(String... parts) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        for (String part : parts) {
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            digest.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }
}
