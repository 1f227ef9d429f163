package dev.muara.transforms.pii;

import dev.muara.api.error.MuaraException;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code type: hash}. */
public final class HashConnector extends TransformType {

    private static final String ALGORITHM = "HmacSHA256";
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
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        boolean hex = options.get(ENCODING).equals("hex");
        boolean normalize = options.get(NORMALIZE).equals("lower_trim");
        return new PiiMapping("hash", options.get(PiiColumns.COLUMNS), () -> {
            Mac mac = mac(spec);
            UnaryOperator<String> hashing = text -> {
                String input = normalize ? text.strip().toLowerCase(Locale.ROOT) : text;
                byte[] token = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
                return hex ? HexFormat.of().formatHex(token) : Base64.getEncoder().encodeToString(token);
            };
            return hashing;
        });
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw MuaraException.internal("this Java has no " + ALGORITHM, e);
        }
    }

    @Override
    public Set<String> protectedColumns(Options options) {
        return PiiColumns.of(options);
    }
}
