package dev.muara.core.connector;

import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.core.redact.Redactor;
import java.io.IOException;

/** Turns what a connector throws into a {@link MuaraException} naming the connector, with secrets redacted. */
public final class ConnectorFailures {

    private ConnectorFailures() {
    }

    /**
     * {@code failure} as a MuaraException of {@code connector}: itself when it is one, else of kind resource for an
     * I/O fault and internal otherwise, its message redacted (a driver may quote a connection string).
     */
    public static MuaraException wrap(String connector, Throwable failure, Redactor redactor) {
        if (failure instanceof MuaraException m) {
            return m.inConnector(connector);
        }
        ErrorKind kind = failure instanceof IOException ? ErrorKind.RESOURCE : ErrorKind.INTERNAL;
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new MuaraException(kind, redactor.redact(message), failure).inConnector(connector);
    }
}
