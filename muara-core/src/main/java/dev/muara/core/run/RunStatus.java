package dev.muara.core.run;

import java.util.Locale;

/** How a run ended, or that it has not. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    /** Stopped on request (a signal) after committing what it had read; the next run resumes. */
    STOPPED,
    FAILED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
