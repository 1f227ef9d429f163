package dev.muara.api.transform;

import dev.muara.api.error.MuaraException;
import dev.muara.api.source.BoundedSourceReader;
import java.nio.file.Path;

/**
 * What a transform knows of the pipeline it serves when it is made: see
 * {@link TransformConnector#create(TransformSetup, dev.muara.api.option.Options)}.
 *
 * @param pipeline the pipeline name
 * @param baseDirectory the folder of the pipeline file: relative paths in options (a lookup file) resolve against it
 * @param sources reads a source an option of type {@link dev.muara.api.option.OptionType#SOURCE} names (a lookup
 *     table in a database), with the pipeline's connectors
 */
public record TransformSetup(String pipeline, Path baseDirectory, BoundedSourceReader sources) {

    /** A setup that reads no sources: {@link #sources()} refuses, for a transform made outside a pipeline. */
    public TransformSetup(String pipeline, Path baseDirectory) {
        this(pipeline, baseDirectory, (source, batches) -> {
            throw MuaraException.config("source '" + source.type() + "' cannot be read here: no connectors are loaded")
                    .withHint("a transform that reads a source is made by a pipeline (muara run, validate or preview)");
        });
    }
}
