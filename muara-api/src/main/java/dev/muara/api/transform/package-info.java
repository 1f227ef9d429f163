/**
 * Transforms: what maps batches between a source and a target. Muara's own transforms ({@code cast}, {@code derive},
 * {@code check}, ...) are built on this package alone, and so can yours.
 *
 * <p>A transform type is two small classes and one line of registration:
 * <ol>
 *   <li>a {@link dev.muara.api.transform.TransformConnector}: the {@code type:} users write, one sentence for
 *       {@code muara connectors}, its options declared as {@link dev.muara.api.option.OptionSpec}s (Muara
 *       validates them and documents them), and {@code create}, which makes the transform from validated options;</li>
 *   <li>a {@link dev.muara.api.transform.Transform}: {@code outputSchema} says what comes out for a given input
 *       schema (and fails with a config error when the input does not fit), {@code apply} maps one batch;</li>
 *   <li>the connector's class name in {@code META-INF/services/dev.muara.api.transform.TransformConnector}.</li>
 * </ol>
 *
 * <pre>{@code
 * public final class TitleCaseConnector implements TransformConnector {
 *     static final OptionSpec<String> COLUMN = OptionSpec.string("column", "The column to title-case.").required();
 *
 *     public String type() { return "title_case"; }
 *     public String description() { return "Upper-cases the first letter of each word of a column."; }
 *     public List<OptionSpec<?>> options() { return List.of(COLUMN); }
 *     public Transform create(Options options) { return new TitleCase(options.get(COLUMN)); }
 * }
 * }</pre>
 *
 * Build the classes against {@code dev.muara:muara-api} (scope {@code provided}) into a jar and put it in
 * {@code plugins/} next to the {@code muara} launcher, or name it in {@code MUARA_PLUGINS}; then
 * {@code {type: title_case, column: name}} works in any pipeline. {@code examples/custom-transform} in the
 * repository is a complete plugin with its build and a README.
 */
package dev.muara.api.transform;
