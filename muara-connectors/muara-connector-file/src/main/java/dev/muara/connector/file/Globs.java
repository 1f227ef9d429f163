package dev.muara.connector.file;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/** Expands glob patterns ({@code *}, {@code **}, {@code ?}, {@code [abc]}, {@code {a,b}}) into sorted file lists. */
final class Globs {

    private Globs() {
    }

    static boolean hasGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * The regular, non-hidden files matching {@code pattern} (absolute, or relative to {@code base}), sorted.
     * A pattern without glob characters names one file, which is returned when it exists.
     */
    static List<Path> expand(Path base, String pattern) throws IOException {
        String normalized = pattern.replace('\\', '/');
        if (!hasGlob(normalized)) {
            Path file = base.resolve(normalized).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        String[] segments = normalized.split("/");
        StringBuilder fixed = new StringBuilder(normalized.startsWith("/") ? "/" : "");
        int firstGlob = 0;
        for (; firstGlob < segments.length; firstGlob++) {
            if (hasGlob(segments[firstGlob])) {
                break;
            }
            if (!segments[firstGlob].isEmpty()) {
                fixed.append(segments[firstGlob]).append('/');
            }
        }
        Path root = base.resolve(fixed.length() == 0 ? "." : fixed.toString()).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        boolean deep = normalized.contains("**");
        int depth = deep ? Integer.MAX_VALUE : segments.length - firstGlob;
        String rest = String.join("/", java.util.Arrays.copyOfRange(segments, firstGlob, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, depth, EnumSet.noneOf(FileVisitOption.class).toArray(new FileVisitOption[0]))) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root, p))
                    .filter(p -> matcher.matches(root.relativize(p)) || deep && matchesDeep(rest, root.relativize(p)))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    /** {@code **}{@code /x} also matches {@code x} directly in the root, as users expect. */
    private static boolean matchesDeep(String rest, Path relative) {
        if (!rest.startsWith("**/")) {
            return false;
        }
        return FileSystems.getDefault().getPathMatcher("glob:" + rest.substring(3)).matches(relative);
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
