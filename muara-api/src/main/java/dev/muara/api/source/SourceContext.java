package dev.muara.api.source;

import java.nio.file.Path;

/**
 * What a source knows of the pipeline it serves.
 *
 * @param pipeline the pipeline name
 * @param stream the stream this source feeds (the target table, unless the pipeline maps it elsewhere)
 * @param baseDirectory the folder of the pipeline file: relative paths in options resolve against it
 */
public record SourceContext(String pipeline, String stream, Path baseDirectory) {
}
