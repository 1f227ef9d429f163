package dev.muara.cli;

import dev.muara.core.connector.ConnectorRegistry;
import dev.muara.core.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The top of the command tree: {@code muara <command>}. */
@Command(name = "muara", mixinStandardHelpOptions = true, versionProvider = MuaraCommand.Version.class,
        description = "Muara moves data from where it is born to where it is analysed, with checkpoints so that a "
                + "crash loses nothing and loads nothing twice.",
        footer = {"", "Exit codes: 0 success, 1 the run failed, 2 invalid configuration or usage,",
            "130 a run stopped by Ctrl-C or SIGTERM before its end (what it read is committed; run again to resume)."})
final class MuaraCommand implements Runnable {

    /** The commands under {@code muara}, in the order help lists them: see {@link Main#commandLine}. */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, ValidateCommand.class, PreviewCommand.class,
            StateCommand.class, RunsCommand.class, ConnectorsCommand.class, DocsCommand.class);

    final Redactor redactor;
    private ConnectorRegistry registry;

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Debug logging and stack traces.")
    boolean verboseOption;

    /** Read from the arguments before parsing, so that logging and error output know it from the start. */
    final boolean verbose;

    /** Where {@code ${env:NAME}} references in pipelines are looked up: the process's environment, outside tests. */
    final Function<String, String> environment;

    MuaraCommand(Redactor redactor, boolean verbose) {
        this(redactor, verbose, System::getenv);
    }

    MuaraCommand(Redactor redactor, boolean verbose, Function<String, String> environment) {
        this.redactor = redactor;
        this.verbose = verbose;
        this.environment = environment;
    }

    /** The installed connectors, discovered once. */
    ConnectorRegistry registry() {
        if (registry == null) {
            registry = ConnectorRegistry.discover(Thread.currentThread().getContextClassLoader());
        }
        return registry;
    }

    @Override
    public void run() {
        Main.commandLine(this).usage(System.out);
    }

    /** The version the build wrote into {@code muara-version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/muara-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"muara " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
