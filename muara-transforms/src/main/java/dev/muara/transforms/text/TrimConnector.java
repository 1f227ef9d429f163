package dev.muara.transforms.text;

import dev.muara.transforms.TransformType;
import java.util.List;

/** {@code type: trim}. */
public final class TrimConnector extends TransformType {

    public TrimConnector() {
        super("trim", "Removes white space (Unicode, tabs and line breaks too) from both ends of text values.",
                List.of(TextConnectors.COLUMNS),
                options -> new TextMapping("trim", options.get(TextConnectors.COLUMNS), String::strip));
    }
}
