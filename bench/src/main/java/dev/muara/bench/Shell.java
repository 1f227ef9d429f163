package dev.muara.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers for the shell commands the references are. */
final class Shell {

    private Shell() {
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }

    /** A bash command line that runs {@code script} and fails when any part of a pipe fails. */
    static List<String> bash(String script) {
        return List.of("bash", "-c", "set -euo pipefail; " + script);
    }

    /** The first line a command prints, or "not found" when it cannot run. */
    static String firstLine(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return output.isEmpty() ? "" : output.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
