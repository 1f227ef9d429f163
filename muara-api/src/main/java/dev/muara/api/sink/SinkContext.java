package dev.muara.api.sink;

import java.nio.file.Path;

/**
 * What a sink knows of the pipeline it serves.
 *
 * @param pipeline the pipeline name; also the key under which a transactional sink keeps the pipeline state
 * @param baseDirectory the folder of the pipeline file: relative paths in options resolve against it
 */
public record SinkContext(String pipeline, Path baseDirectory) {
}
