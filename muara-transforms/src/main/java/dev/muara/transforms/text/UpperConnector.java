package dev.muara.transforms.text;

import dev.muara.transforms.TransformType;
import java.util.List;
import java.util.Locale;

/** {@code type: upper}. */
public final class UpperConnector extends TransformType {

    public UpperConnector() {
        super("upper", "Turns text values to upper case, the same on every machine whatever its language.",
                List.of(TextConnectors.COLUMNS),
                options -> new TextMapping("upper", options.get(TextConnectors.COLUMNS), s -> s.toUpperCase(Locale.ROOT)));
    }
}
