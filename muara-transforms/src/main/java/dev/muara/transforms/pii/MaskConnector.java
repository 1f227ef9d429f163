package dev.muara.transforms.pii;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code type: mask}. */
public final class MaskConnector extends TransformType {

    static final OptionSpec<Long> KEEP_LAST = OptionSpec.integer("keep_last",
            "Characters left in clear at the end (0800-555-1234 with 4: ********1234); a value no longer than this is "
                    + "masked whole.").withDefault(0L).atLeast(0).atMost(1000);
    static final OptionSpec<String> PATTERN = OptionSpec.oneOf("pattern",
            "all masks every character but the last keep_last; email masks the local part of an address and keeps the "
                    + "domain (alice@example.com: a***@example.com).", "all", "email").withDefault("all");
    static final OptionSpec<String> CHAR = OptionSpec.string("char", "The mask character.").withDefault("*");

    public MaskConnector() {
        super("mask", "Hides personal data behind a mask character, keeping the last characters or an e-mail's domain; "
                + "counts characters, not bytes; nulls stay null.",
                List.of(PiiColumns.COLUMNS, KEEP_LAST, PATTERN, CHAR), MaskConnector::mask);
    }

    private static Transform mask(Options options) {
        String character = options.get(CHAR);
        if (character.codePointCount(0, character.length()) != 1) {
            throw options.invalid(CHAR, "expected one character");
        }
        Mask mask = new Mask(character);
        UnaryOperator<String> masking;
        if (options.get(PATTERN).equals("email")) {
            if (options.isSet(KEEP_LAST)) {
                throw options.invalid(KEEP_LAST, "does not apply to pattern: email, which keeps the domain");
            }
            masking = mask::email;
        } else {
            int keepLast = options.get(KEEP_LAST).intValue();
            masking = text -> mask.keepingLast(text, keepLast);
        }
        return new PiiMapping("mask", options.get(PiiColumns.COLUMNS), masking);
    }

    @Override
    public Set<String> protectedColumns(Options options) {
        return PiiColumns.of(options);
    }
}
