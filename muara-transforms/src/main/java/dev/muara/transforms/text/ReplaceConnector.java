package dev.muara.transforms.text;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code type: replace}. */
public final class ReplaceConnector extends TransformType {

    static final OptionSpec<String> PATTERN = OptionSpec.string("pattern",
            "A Java regular expression: every match is replaced.").required();
    static final OptionSpec<String> REPLACEMENT = OptionSpec.string("replacement",
            "What each match becomes; $1 is the first group, \\$ a dollar sign.").withDefault("");

    public ReplaceConnector() {
        super("replace", "Replaces every match of a regular expression in text values.",
                List.of(TextConnectors.COLUMNS, PATTERN, REPLACEMENT), ReplaceConnector::replace);
    }

    private static Transform replace(Options options) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(options.get(PATTERN));
        } catch (PatternSyntaxException e) {
            throw options.invalid(PATTERN, "not a regular expression: " + e.getDescription());
        }
        String replacement = options.get(REPLACEMENT);
        String problem = groupProblem(pattern, replacement);
        if (problem != null) {
            throw options.invalid(REPLACEMENT, problem + " (write \\$ for a dollar sign)");
        }
        return new TextMapping("replace", options.get(TextConnectors.COLUMNS), s -> {
            Matcher matcher = pattern.matcher(s);
            return matcher.replaceAll(replacement);
        });
    }

    /** Why {@code replacement} refers to a group {@code pattern} does not have, or null: found before any data. */
    private static String groupProblem(Pattern pattern, String replacement) {
        int groups = pattern.matcher("").groupCount();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (i + 1 >= replacement.length()) {
                    return "a $ at the end refers to no group";
                }
                char next = replacement.charAt(i + 1);
                if (next == '{') {
                    int end = replacement.indexOf('}', i);
                    String name = end < 0 ? "" : replacement.substring(i + 2, end);
                    if (!pattern.namedGroups().containsKey(name)) {
                        return "there is no group named '" + name + "'";
                    }
                } else if (!Character.isDigit(next) || next - '0' > groups) {
                    return "$" + next + " refers to no group: the pattern has " + groups;
                }
            }
        }
        return null;
    }
}
