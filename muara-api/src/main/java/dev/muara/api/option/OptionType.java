package dev.muara.api.option;

/** The value types an option can declare; each maps to one JSON type in the pipeline schema. */
public enum OptionType {
    /** Text. Java type {@link String}. */
    STRING,
    /** A value that is never shown: write it as {@code ${env:NAME}} or {@code ${file:/path}}. Java type {@link Secret}. */
    SECRET,
    /** A whole number. Java type {@link Long}. */
    INTEGER,
    /** A number, possibly with a fraction. Java type {@link Double}. */
    NUMBER,
    /** {@code true} or {@code false}. Java type {@link Boolean}. */
    BOOLEAN,
    /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. Java type {@link java.time.Duration}. */
    DURATION,
    /** A size such as {@code 512MB}, {@code 1GB}. Java type {@link Long} (bytes). */
    BYTES,
    /** One of the option's {@linkplain OptionSpec#allowed() allowed} words. Java type {@link String}. */
    ENUM,
    /** A list of texts; a single text is taken as a list of one. Java type {@code List<String>}. */
    STRING_LIST,
    /** Names mapped to texts. Java type {@code Map<String, String>}. */
    STRING_MAP,
    /**
     * Column names mapped to a type ({@code amount: decimal(12,2)}) or to {@code {type: date, format: dd/MM/yyyy}}.
     * Java type {@code Map<String, ColumnSpec>}.
     */
    COLUMN_TYPES,
    /**
     * A source written exactly as a pipeline's {@code source:} ({@code {type: postgres, host: ..., tables: [t]}}),
     * reading one stream; its options are checked as a source's are, and read with
     * {@link dev.muara.api.transform.TransformSetup#sources()}. Java type {@link dev.muara.api.source.SourceConfig}.
     */
    SOURCE
}
