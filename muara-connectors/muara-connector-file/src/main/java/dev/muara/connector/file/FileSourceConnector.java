package dev.muara.connector.file;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Source;
import dev.muara.api.source.SourceConnector;
import dev.muara.api.source.SourceContext;
import dev.muara.formats.io.Compression;
import java.util.List;

/** Registers the {@code file} source: CSV, NDJSON and JSON files on local disk, plain, gzip or zstd. */
public final class FileSourceConnector implements SourceConnector {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "CSV, NDJSON and JSON files on local disk, plain or compressed (gzip, zstd), matched by glob patterns.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return FileOptions.ALL;
    }

    @Override
    public String splitNoun() {
        return "file";
    }

    @Override
    public Source create(SourceContext context, Options options) {
        return new FileSource(context, options);
    }

    /** The file name of the first pattern without extensions or glob characters: {@code data/orders-*.csv} gives {@code orders}. */
    @Override
    public String defaultStreamName(Options options) {
        List<String> paths = options.get(FileOptions.PATH);
        if (paths == null || paths.isEmpty()) {
            return null;
        }
        String path = paths.get(0).replace('\\', '/');
        String name = Compression.strip(path.substring(path.lastIndexOf('/') + 1));
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("[*?\\[\\]{}]", "").replaceAll("[-_.\\s]+$", "").replaceAll("^[-_.\\s]+", "");
        return name.isEmpty() ? null : name;
    }
}
