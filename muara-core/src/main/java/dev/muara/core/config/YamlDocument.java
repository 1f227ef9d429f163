package dev.muara.core.config;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A parsed pipeline file: its content as JSON, with the line of every value, so that a mistake found in the
 * JSON can be reported at its line in the YAML.
 *
 * @param file the file name for messages
 * @param root the content
 * @param lines the 1-based line of each value, by JSON pointer ({@code /source/path})
 * @param secretPointers the pointers of values that came from a secret reference: never shown
 */
public record YamlDocument(String file, JsonNode root, Map<String, Integer> lines, Set<String> secretPointers) {

    /** The line of the value at {@code pointer}, or of its nearest parent that has one. */
    public int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, slash);
        }
    }

    /** Whether the value at {@code pointer} (or inside it) came from a secret reference. */
    public boolean isSecret(String pointer) {
        for (String secret : secretPointers) {
            if (secret.equals(pointer) || secret.startsWith(pointer + "/")) {
                return true;
            }
        }
        return false;
    }
}
