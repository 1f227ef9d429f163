package dev.muara.transforms;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformConnector;
import dev.muara.api.transform.TransformSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Registers one built-in transform: its name, sentence and options, and how options make the transform. */
public abstract class TransformType implements TransformConnector {

    private final String type;
    private final String description;
    private final List<OptionSpec<?>> options;
    private final BiFunction<TransformSetup, Options, Transform> factory;

    protected TransformType(String type, String description, List<OptionSpec<?>> options,
            Function<Options, Transform> factory) {
        this(type, description, options, (setup, values) -> factory.apply(values));
    }

    /** For a transform that needs the pipeline's folder, to find the files its options name. */
    protected TransformType(String type, String description, List<OptionSpec<?>> options,
            BiFunction<TransformSetup, Options, Transform> factory) {
        this.type = type;
        this.description = description;
        this.options = List.copyOf(options);
        this.factory = factory;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<OptionSpec<?>> options() {
        return options;
    }

    /** The transform, with relative paths resolved against the working directory. */
    @Override
    public final Transform create(Options options) {
        return create(new TransformSetup("", Path.of("")), options);
    }

    @Override
    public final Transform create(TransformSetup setup, Options options) {
        return factory.apply(setup, options);
    }
}
