package dev.muara.core.config;

/**
 * One mistake in a pipeline file.
 *
 * @param file the pipeline file as the user named it
 * @param line the 1-based line of the mistake, or 0 when it concerns the whole file
 * @param key the dotted path of the key involved ({@code source.delimiter}), or empty for the whole file
 * @param message what is wrong and what was expected
 */
public record ConfigProblem(String file, int line, String key, String message) {

    /** {@code pipeline.yaml:7: source.delimiter: expected one character}. */
    public String describe() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (!key.isEmpty()) {
            out.append(key).append(": ");
        }
        return out.append(message).toString();
    }
}
