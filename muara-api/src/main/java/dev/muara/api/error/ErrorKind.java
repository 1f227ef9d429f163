package dev.muara.api.error;

/** What went wrong, in the sense that decides what the user does next and what exit code Muara returns. */
public enum ErrorKind {
    /** The pipeline configuration or command line is wrong: fix it and run again (exit code 2). */
    CONFIG,
    /** The other system refused or was unreachable: check it, or wait and retry. */
    CONNECTION,
    /** The data broke a rule: a parse error past the reject limit, a schema conflict. */
    DATA,
    /** The machine ran out of something: disk, memory, file handles. */
    RESOURCE,
    /** A bug in Muara or a connector. */
    INTERNAL
}
