package dev.muara.api.error;

/**
 * The one exception type Muara and its connectors throw on purpose. It carries a {@link ErrorKind}, where the
 * problem is (a file and line, a table, an offset), and a hint for the user; the CLI prints the message and the
 * hint as one clear sentence each, and the stack trace only with {@code --verbose}.
 *
 * <pre>{@code
 * throw MuaraException.data("expected 7 fields, found 8")
 *         .at("orders.csv:1204")
 *         .withHint("check the delimiter, or quote fields that contain it");
 * }</pre>
 *
 * Messages never contain secret values.
 */
public class MuaraException extends RuntimeException {

    private final ErrorKind kind;
    private String location;
    private String hint;
    private String connector;
    private boolean retriable;

    public MuaraException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public MuaraException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public static MuaraException config(String message) {
        return new MuaraException(ErrorKind.CONFIG, message);
    }

    public static MuaraException data(String message) {
        return new MuaraException(ErrorKind.DATA, message);
    }

    public static MuaraException connection(String message, Throwable cause) {
        return new MuaraException(ErrorKind.CONNECTION, message, cause);
    }

    public static MuaraException resource(String message, Throwable cause) {
        return new MuaraException(ErrorKind.RESOURCE, message, cause);
    }

    public static MuaraException internal(String message, Throwable cause) {
        return new MuaraException(ErrorKind.INTERNAL, message, cause);
    }

    /** Where the problem is: {@code file:line}, {@code table}, {@code partition@offset}. */
    public MuaraException at(String where) {
        this.location = where;
        return this;
    }

    /** What the user can do about it, in one sentence. */
    public MuaraException withHint(String hint) {
        this.hint = hint;
        return this;
    }

    /** Names the connector involved, when the engine knows it and the thrower did not say. */
    public MuaraException inConnector(String type) {
        if (this.connector == null) {
            this.connector = type;
        }
        return this;
    }

    /** Marks a fault that may pass if the same work is tried again: a dropped connection, a deadlock. */
    public MuaraException retriable() {
        this.retriable = true;
        return this;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String location() {
        return location;
    }

    public String hint() {
        return hint;
    }

    public String connector() {
        return connector;
    }

    public boolean isRetriable() {
        return retriable;
    }

    /** The message with its location in front, as the CLI prints it: {@code orders.csv:12: expected ...}. */
    public String describe() {
        return location == null ? getMessage() : location + ": " + getMessage();
    }
}
