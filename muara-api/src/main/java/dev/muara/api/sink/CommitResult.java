package dev.muara.api.sink;

/** How a commit ended. A failed commit throws a {@link dev.muara.api.error.MuaraException} instead. */
public enum CommitResult {
    /** The data and the state are now durable. */
    COMMITTED,
    /** This checkpoint was committed before (a retry after an unclear failure); nothing was written twice. */
    ALREADY_COMMITTED
}
