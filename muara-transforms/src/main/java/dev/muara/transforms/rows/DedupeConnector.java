package dev.muara.transforms.rows;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: dedupe}. */
public final class DedupeConnector extends TransformType {

    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key",
            "The columns that identify a row: the first row of each key in a run is kept, later ones dropped.").required();
    static final OptionSpec<Long> MAX_KEYS = OptionSpec.integer("max_keys",
            "The most keys remembered (about 100 bytes each); beyond it the oldest are forgotten.").withDefault(1_000_000L);

    public DedupeConnector() {
        super("dedupe", "Drops rows whose key was already seen in the run (keeps the first).", List.of(KEY, MAX_KEYS),
                DedupeConnector::dedupe);
    }

    private static Transform dedupe(Options options) {
        if (options.get(MAX_KEYS) < 1) {
            throw options.invalid(MAX_KEYS, "must be at least 1");
        }
        return new Dedupe(options.get(KEY), options.get(MAX_KEYS));
    }
}
