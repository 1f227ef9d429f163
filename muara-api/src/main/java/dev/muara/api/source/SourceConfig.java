package dev.muara.api.source;

import dev.muara.api.option.Options;

/**
 * A source written inside another block's options, exactly as a pipeline's {@code source:} is written (a lookup's
 * table): the value of an {@link dev.muara.api.option.OptionType#SOURCE} option. Muara has checked its options
 * against the connector's declarations and resolved its secret references; a transform hands it to
 * {@link dev.muara.api.transform.TransformSetup#sources()} to read it.
 *
 * @param type the source connector type ({@code postgres}, {@code file})
 * @param options the connector's validated options; the block reads one stream
 */
public record SourceConfig(String type, Options options) {
}
