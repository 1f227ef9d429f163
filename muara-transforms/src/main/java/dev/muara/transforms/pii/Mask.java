package dev.muara.transforms.pii;

/**
 * Masks text by code point, so a letter outside the Basic Multilingual Plane (an emoji, a rare CJK character) becomes
 * one mask character, not two, and is never cut in half.
 */
final class Mask {

    /** Mask characters standing for an e-mail's local part, whatever its length, so the length is not told. */
    private static final int LOCAL_PART_MASK = 3;
    /** A shorter local part is masked whole: keeping its first character would tell too much of it. */
    private static final int LOCAL_PART_KEPT_FROM = 3;

    private final String mask;

    Mask(String mask) {
        this.mask = mask;
    }

    /**
     * Every code point masked but the last {@code keepLast}; a value no longer than {@code keepLast} is masked whole,
     * since keeping it all would ship it in clear.
     */
    String keepingLast(String text, int keepLast) {
        int length = text.codePointCount(0, text.length());
        if (length <= keepLast) {
            return mask.repeat(length);
        }
        int keptFrom = text.offsetByCodePoints(0, length - keepLast);
        return mask.repeat(length - keepLast) + text.substring(keptFrom);
    }

    /**
     * An e-mail address with its local part masked and its domain kept: {@code alice@example.com} becomes
     * {@code a***@example.com}. Text without an {@code @} is masked whole.
     */
    String email(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return keepingLast(text, 0);
        }
        String local = text.substring(0, at);
        int localLength = local.codePointCount(0, local.length());
        String kept = localLength >= LOCAL_PART_KEPT_FROM ? local.substring(0, local.offsetByCodePoints(0, 1)) : "";
        return kept + mask.repeat(LOCAL_PART_MASK) + text.substring(at);
    }
}
