package dev.muara.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM ask a run to stop cleanly (finish the batches in flight, commit, exit); a second signal
 * ends the process at once. Uses {@code sun.misc.Signal}, the JDK's only way to handle a signal without ending
 * the process, so the run can commit before the exit code is chosen.
 */
final class Signals {

    private static final AtomicInteger RECEIVED = new AtomicInteger();

    private Signals() {
    }

    @SuppressWarnings("restriction")
    static void onStop(Runnable stop) {
        sun.misc.SignalHandler handler = signal -> {
            if (RECEIVED.incrementAndGet() > 1) {
                System.err.println("second signal: exiting now; the next run resumes from the last commit");
                Runtime.getRuntime().halt(RunCommand.INTERRUPTED);
            }
            System.err.println("\nstopping: committing what was read (send the signal again to exit at once)");
            stop.run();
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or is reserved); the default behaviour stays
            }
        }
    }
}
