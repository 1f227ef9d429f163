package dev.muara.connector.file;

import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceContext;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Files matched by the {@code path} patterns of one stream; each file is a split. */
final class FileSource implements Source {

    private final SourceContext context;
    private final Options options;
    private final FileSettings settings;

    FileSource(SourceContext context, Options options) {
        this.context = context;
        this.options = options;
        this.settings = FileSettings.from(options);
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Split> plan(PlanContext planContext) throws IOException {
        TreeMap<String, Split> splits = new TreeMap<>();
        for (String pattern : options.get(FileOptions.PATH)) {
            List<Path> files = Globs.expand(context.baseDirectory(), pattern);
            if (files.isEmpty() && !Globs.hasGlob(pattern)) {
                throw options.invalid(FileOptions.PATH, "the file " + pattern + " does not exist");
            }
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String id = splitId(file);
                splits.put(id, new Split(context.stream(), id, attributes.size() + "@" + attributes.lastModifiedTime().toMillis(),
                        attributes.size()));
            }
        }
        for (Split split : splits.values()) {
            settings.formatOf(split.id(), options);
        }
        return new ArrayList<>(splits.values());
    }

    /** Files under the pipeline folder are named relative to it, so moving the project keeps its state valid. */
    private String splitId(Path file) {
        Path base = context.baseDirectory().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    @Override
    public SplitReader open(Split split, String position, ReaderContext readerContext) throws IOException {
        Path file = context.baseDirectory().resolve(split.id());
        String format = settings.formatOf(split.id(), options);
        return switch (format) {
            case "csv" -> new CsvSplitReader(file, split.id(), settings, position, readerContext);
            case "ndjson" -> new NdjsonSplitReader(file, split.id(), settings, position, readerContext);
            case "json" -> new JsonSplitReader(file, split.id(), settings, position, readerContext);
            default -> throw MuaraException.internal("unknown format " + format.toLowerCase(Locale.ROOT), null);
        };
    }
}
