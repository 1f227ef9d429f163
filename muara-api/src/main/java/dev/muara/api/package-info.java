/**
 * Muara's service provider interface (SPI): what a connector author implements.
 *
 * <p>The pieces, in the order data meets them:
 * <ul>
 *   <li>{@link dev.muara.api.source.SourceConnector} creates a {@link dev.muara.api.source.Source}, which plans
 *       {@link dev.muara.api.source.Split splits} and reads each with a {@link dev.muara.api.source.SplitReader} into
 *       {@link dev.muara.api.data.Batch batches};</li>
 *   <li>{@link dev.muara.api.transform.Transform} maps batches;</li>
 *   <li>{@link dev.muara.api.sink.SinkConnector} creates a {@link dev.muara.api.sink.Sink}, whose
 *       {@link dev.muara.api.sink.SinkWriter} writes batches and commits them together with the pipeline state.</li>
 * </ul>
 * Connectors are found with {@link java.util.ServiceLoader} by their {@code type} name and declare their options
 * once, as {@link dev.muara.api.option.OptionSpec}s, from which validation and documentation are generated.
 */
package dev.muara.api;
