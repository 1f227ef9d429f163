package dev.muara.connector.kafka;

import dev.muara.api.error.MuaraException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** Kafka client errors as {@link MuaraException}s: one sentence, a hint, and whether trying again may help. */
final class KafkaFailures {

    private KafkaFailures() {
    }

    /**
     * {@code e} as a Muara error.
     *
     * @param what what was being done, as the start of a sentence: {@code cannot read orders/0}
     * @param e the client's error, possibly wrapped in an {@link ExecutionException}
     * @param client the brokers, for the location and messages
     */
    static MuaraException of(String what, Throwable e, ClientSettings client) {
        Throwable cause = unwrap(e);
        if (cause instanceof MuaraException muara) {
            return muara;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        if (cause instanceof SslAuthenticationException) {
            return MuaraException.connection(what + ": the TLS handshake with the brokers failed: " + message, cause)
                    .at(client.describe())
                    .withHint("check ssl_ca_file (the CA that signs the brokers' certificates) and that each certificate "
                            + "names the host in bootstrap_servers");
        }
        if (cause instanceof AuthenticationException) {
            return MuaraException.connection(what + ": the brokers refused the login: " + message, cause)
                    .at(client.describe())
                    .withHint("check username, password and sasl_mechanism; write the password as ${env:NAME} or ${file:/path}");
        }
        if (cause instanceof GroupAuthorizationException) {
            return MuaraException.connection(what + ": the user may not use the consumer group: " + message, cause)
                    .at(client.describe())
                    .withHint("grant the user Read on the group, or set group_id to a group it may use");
        }
        if (cause instanceof TopicAuthorizationException) {
            return MuaraException.connection(what + ": the user may not use the topic: " + message, cause)
                    .at(client.describe())
                    .withHint("grant the user Describe and Read on the topics to read, or Describe, Create and Write on the "
                            + "topics to write");
        }
        if (cause instanceof AuthorizationException) {
            return MuaraException.connection(what + ": not allowed: " + message, cause).at(client.describe())
                    .withHint("ask the Kafka administrator to grant the user the operation named");
        }
        if (cause instanceof RecordTooLargeException) {
            return MuaraException.data(what + ": a record is larger than the brokers accept: " + message)
                    .at(client.describe())
                    .withHint("raise the topic's max.message.bytes, or write smaller rows");
        }
        if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return MuaraException.connection(what + ": the brokers at " + client.describe() + " did not answer within "
                    + client.timeout().toSeconds() + "s", cause)
                    .at(client.describe())
                    .withHint("check bootstrap_servers, that the brokers run, and that the host names they advertise "
                            + "(advertised.listeners) can be reached from here")
                    .retriable();
        }
        MuaraException error = MuaraException.connection(what + ": " + message, cause).at(client.describe());
        return cause instanceof RetriableException ? error.retriable() : error;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause.getClass() == KafkaException.class
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
