package dev.muara.api.option;

import java.util.Objects;

/**
 * A value that must never be shown: a password, a token, a key. {@link #toString()} prints {@code ***}, so a
 * secret that slips into a log line or a message stays hidden; only {@link #reveal()} gives the value, at the
 * moment it is handed to the system that needs it.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The clear value. Call it only to pass the value on, never to print it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
