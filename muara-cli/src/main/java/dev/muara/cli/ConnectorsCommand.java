package dev.muara.cli;

import dev.muara.api.Connector;
import dev.muara.api.option.OptionSpec;
import dev.muara.core.connector.ConnectorRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code muara connectors [type]}: the installed connectors and their options. */
@Command(name = "connectors", mixinStandardHelpOptions = true,
        description = "Lists the installed sources, targets and transforms; with a type, its options.")
final class ConnectorsCommand implements Callable<Integer> {

    @ParentCommand
    MuaraCommand root;

    @Parameters(paramLabel = "TYPE", arity = "0..1", description = "A connector type, to list its options.")
    String type;

    @Override
    public Integer call() {
        ConnectorRegistry registry = root.registry();
        if (type == null) {
            section("Sources", registry.sources());
            section("Targets", registry.sinks());
            section("Transforms", registry.transforms());
            System.out.println("'muara connectors <type>' lists a connector's options.");
            return 0;
        }
        boolean found = false;
        for (var entry : List.<Object[]>of(new Object[] {"source", registry.source(type)},
                new Object[] {"target", registry.sink(type)}, new Object[] {"transform", registry.transform(type)})) {
            if (entry[1] instanceof Connector c) {
                found = true;
                System.out.println(entry[0] + " " + c.type() + ": " + c.description());
                System.out.println();
                List<List<String>> rows = new ArrayList<>();
                for (OptionSpec<?> spec : c.options()) {
                    rows.add(List.of(spec.key(), spec.type().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            spec.defaultText() == null ? (spec.isRequired() ? "(required)" : "") : spec.defaultText(),
                            spec.description()));
                }
                Terminal.table(System.out, List.of("option", "type", "default", "description"), rows);
                System.out.println();
            }
        }
        if (!found) {
            throw dev.muara.api.error.MuaraException.config("no connector of type '" + type + "' is installed")
                    .withHint("'muara connectors' lists the installed ones");
        }
        return 0;
    }

    private static void section(String title, List<? extends Connector> connectors) {
        System.out.println(title + ":");
        if (connectors.isEmpty()) {
            System.out.println("  (none installed)");
        }
        List<List<String>> rows = new ArrayList<>();
        connectors.forEach(c -> rows.add(List.of(c.type(), c.description())));
        if (!rows.isEmpty()) {
            Terminal.table(System.out, List.of("type", "description"), rows);
        }
        System.out.println();
    }
}
