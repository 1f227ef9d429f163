package dev.muara.api.source;

/** Whether a source ends. */
public enum Boundedness {
    /** Files, tables: the run ends when every split is read. */
    BOUNDED,
    /** Brokers, devices, listeners: the run goes on until it is stopped, committing every N rows or T ms. */
    UNBOUNDED
}
