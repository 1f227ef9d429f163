package dev.muara.cli;

import dev.muara.core.redact.Redactor;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/** The {@code muara} command line: sets up output (secret redaction, logging), then hands over to picocli. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code: 0 success, 1 run failed, 2 invalid configuration or usage,
     * 130 a bounded run stopped by a signal before its end.
     */
    public static int run(String... args) {
        return run(System::getenv, args);
    }

    /**
     * The command line for {@code args}: when the first word names a command, the root and that command only, since
     * picocli reads the annotations of every command it is given on every start (about 0.05 s for the six others);
     * with no command, an unknown one or help, every command, so usage and suggestions list them all.
     */
    static CommandLine commandLine(MuaraCommand root, String... args) {
        CommandLine commandLine = new CommandLine(root);
        String word = java.util.Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse(null);
        List<Class<?>> named = MuaraCommand.COMMANDS.stream()
                .filter(command -> command.getAnnotation(CommandLine.Command.class).name().equals(word)).toList();
        for (Class<?> command : named.isEmpty() ? MuaraCommand.COMMANDS : named) {
            commandLine.addSubcommand(command);
        }
        return commandLine;
    }

    /** Runs the command line with {@code environment} answering {@code ${env:NAME}} references instead of the process's. */
    static int run(Function<String, String> environment, String... args) {
        Redactor redactor = new Redactor();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream out = RedactingStream.wrap(originalOut, redactor);
        PrintStream err = RedactingStream.wrap(originalErr, redactor);
        System.setOut(out);
        System.setErr(err);
        try {
            Logging.configure(args);
            MuaraCommand root = new MuaraCommand(redactor, java.util.Arrays.asList(args).contains("--verbose")
                    || java.util.Arrays.asList(args).contains("-v"), environment);
            CommandLine commandLine = commandLine(root, args);
            commandLine.setOut(new java.io.PrintWriter(out, true));
            commandLine.setErr(new java.io.PrintWriter(err, true));
            commandLine.setExecutionExceptionHandler(new Failures(root));
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
