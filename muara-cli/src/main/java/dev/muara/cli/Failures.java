package dev.muara.cli;

import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.core.config.InvalidConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one clear message and an exit code: 2 for configuration,
 * 1 otherwise. The stack trace appears only with {@code --verbose}.
 */
final class Failures implements IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int INVALID = 2;

    private final MuaraCommand root;

    Failures(MuaraCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        return print(e, err, root.verbose);
    }

    /** Prints {@code e} for a user and returns the exit code it deserves. */
    static int print(Throwable e, PrintWriter err, boolean verbose) {
        if (e instanceof InvalidConfigException invalid) {
            invalid.problems().forEach(p -> err.println("error: " + p.describe()));
            err.println("hint: " + invalid.hint());
        } else if (e instanceof MuaraException m) {
            err.println("error: " + (m.connector() == null ? "" : "[" + m.connector() + "] ") + m.describe());
            if (m.hint() != null) {
                err.println("hint: " + m.hint());
            }
        } else {
            err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.println("hint: this looks like a bug in Muara; run again with --verbose and report the output");
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof MuaraException m && m.kind() == ErrorKind.CONFIG ? INVALID : FAILED;
    }
}
