package dev.muara.cli;

import dev.muara.core.config.PipelineConfig;
import dev.muara.core.config.PipelineLoader;
import java.nio.file.Path;

/** Loads pipeline files for the commands, printing configuration warnings once. */
final class PipelineFiles {

    private PipelineFiles() {
    }

    static PipelineConfig load(MuaraCommand root, Path file) {
        PipelineConfig config = new PipelineLoader(root.registry(), root.environment, root.redactor).load(file);
        config.warnings().forEach(w -> System.err.println("warning: " + w));
        return config;
    }
}
