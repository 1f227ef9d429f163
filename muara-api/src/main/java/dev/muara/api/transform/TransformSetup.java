package dev.muara.api.transform;

import java.nio.file.Path;

/**
 * What a transform knows of the pipeline it serves when it is made: see
 * {@link TransformConnector#create(TransformSetup, dev.muara.api.option.Options)}.
 *
 * @param pipeline the pipeline name
 * @param baseDirectory the folder of the pipeline file: relative paths in options (a lookup file) resolve against it
 */
public record TransformSetup(String pipeline, Path baseDirectory) {
}
