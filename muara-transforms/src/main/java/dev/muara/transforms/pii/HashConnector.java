package dev.muara.transforms.pii;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code type: hash}. */
public final class HashConnector extends TransformType {

    /** The sixteen lower-case hex digits, as bytes. */
    private static final byte[] HEX_DIGITS = new byte[16];

    static {
        for (int digit = 0; digit < HEX_DIGITS.length; digit++) {
            HEX_DIGITS[digit] = (byte) Character.forDigit(digit, 16);
        }
    }

    /** Shorter keys are refused: anyone who guesses the key can hash guesses of the values and find them. */
    static final int MIN_KEY_BYTES = 16;

    static final OptionSpec<Secret> KEY = OptionSpec.secret("key",
            "The HMAC key, at least 16 bytes, as a secret reference (${env:PII_KEY}). The same key gives the same token "
                    + "for the same value in every run, so joins still work; another key gives other tokens.").required();
    static final OptionSpec<String> ENCODING = OptionSpec.oneOf("encoding",
            "How the 32-byte token is written: hex (64 characters) or base64 (44).", "hex", "base64").withDefault("hex");
    static final OptionSpec<String> NORMALIZE = OptionSpec.oneOf("normalize",
            "none hashes the value as it arrived; lower_trim hashes it trimmed and in lower case, so ' A@X.com' and "
                    + "'a@x.com' give one token (for e-mail addresses).", "none", "lower_trim").withDefault("none");

    public HashConnector() {
        super("hash", "Replaces personal data with a keyed HMAC-SHA-256 token: stable across runs for one key, so joins "
                + "still work; nulls stay null.", List.of(PiiColumns.COLUMNS, KEY, ENCODING, NORMALIZE), HashConnector::hash);
    }

    private static Transform hash(Options options) {
        byte[] key = options.get(KEY).reveal().getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_KEY_BYTES) {
            // says the length, never the key
            throw options.invalid(KEY, "the key has " + key.length + " bytes; it needs at least " + MIN_KEY_BYTES)
                    .withHint("generate one with: openssl rand -hex 32");
        }
        HmacSha256 hmac = new HmacSha256(key);
        Arrays.fill(key, (byte) 0);
        boolean hex = options.get(ENCODING).equals("hex");
        boolean normalize = options.get(NORMALIZE).equals("lower_trim");
        UnaryOperator<String> hashing = text -> {
            String input = normalize ? text.strip().toLowerCase(Locale.ROOT) : text;
            byte[] token = hmac.token(input.getBytes(StandardCharsets.UTF_8));
            return hex ? hex(token) : Base64.getEncoder().encodeToString(token);
        };
        return new PiiMapping("hash", options.get(PiiColumns.COLUMNS), hashing);
    }

    /** Lower-case hex, as HexFormat writes it, without its general-purpose formatting per value. */
    private static String hex(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    @Override
    public Set<String> protectedColumns(Options options) {
        return PiiColumns.of(options);
    }
}
