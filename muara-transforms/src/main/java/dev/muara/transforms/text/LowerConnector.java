package dev.muara.transforms.text;

import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Locale;

/** {@code type: lower}. */
public final class LowerConnector extends TransformType {

    public LowerConnector() {
        super("lower", "Turns text values to lower case, the same on every machine whatever its language.",
                List.of(TextConnectors.COLUMNS),
                options -> new TextMapping("lower", options.get(TextConnectors.COLUMNS), s -> s.toLowerCase(Locale.ROOT)));
    }
}
