package dev.muara.formats.message;

/** A message, or one record in it, that cannot become a row; the reader rejects it and goes on. */
public final class PayloadException extends Exception {

    public PayloadException(String message) {
        super(message);
    }
}
