package dev.muara.connector.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.muara.api.error.MuaraException;
import javax.net.ssl.SSLException;

/**
 * Failures of the broker as one sentence each: a refused login, a missing queue or a denied permission are
 * configuration errors that fail at once; a broker out of reach or a dropped connection is retried.
 */
final class AmqpFailures {

    static final int NOT_FOUND = 404;
    private static final int ACCESS_REFUSED = 403;
    private static final int NOT_ALLOWED = 530;

    private AmqpFailures() {
    }

    /** A failure to open the connection. */
    static MuaraException connecting(AmqpSettings settings, Exception e) {
        String where = "the AMQP broker " + settings.describe();
        if (e instanceof AuthenticationFailureException || e instanceof PossibleAuthenticationFailureException) {
            return MuaraException.config(where + " refused the login of user " + settings.username())
                    .withHint("check username and password (password: ${env:AMQP_PASSWORD}); RabbitMQ admits the "
                            + "guest user from localhost only");
        }
        if (replyCode(e) == NOT_ALLOWED) {
            return MuaraException.config(where + " refused user " + settings.username() + " access to virtual host "
                    + settings.virtualHost() + ": " + replyText(e))
                    .withHint("check virtual_host and that the user has permissions in it");
        }
        SSLException tls = cause(e, SSLException.class);
        if (tls != null) {
            return MuaraException.connection(where + " failed the TLS handshake: " + tls.getMessage(), e)
                    .withHint("check that the broker's certificate is signed by ssl_ca_file (or a trusted authority) "
                            + "and names the host " + settings.host() + ", and that port " + settings.port()
                            + " speaks TLS");
        }
        String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return MuaraException.connection("cannot reach " + where + ": " + detail, e).retriable()
                .withHint("check host and port, and that the broker is running");
    }

    /** A failure to declare, bind or consume the queue, after the connection opened. */
    static MuaraException onQueue(AmqpSettings settings, String action, Exception e) {
        if (e instanceof MuaraException m) {
            return m;
        }
        String sentence = "the AMQP broker " + settings.describe() + " did not let Muara " + action + ": " + replyText(e);
        return switch (replyCode(e)) {
            case ACCESS_REFUSED -> MuaraException.config(sentence).withHint("give user " + settings.username()
                    + " the configure, write and read permissions the queue needs in virtual host " + settings.virtualHost());
            case NOT_FOUND -> MuaraException.config(sentence).withHint("check the names; Muara declares only the queue");
            case 405, 406 -> MuaraException.config(sentence).withHint(
                    "the queue exists with other settings or belongs to another connection; check it in the broker");
            default -> MuaraException.connection(sentence, e).retriable();
        };
    }

    /** The reply code of the channel or connection close behind {@code e}, or 0. */
    static int replyCode(Exception e) {
        Method reason = closeReason(e);
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyCode();
        }
        return 0;
    }

    /** Why the broker ended a channel or connection, in its own words ({@code NOT_FOUND - no queue 'x'}). */
    static String reason(ShutdownSignalException signal) {
        Method reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyText();
        }
        Throwable cause = signal.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : "the connection closed";
    }

    private static String replyText(Exception e) {
        ShutdownSignalException signal = cause(e, ShutdownSignalException.class);
        if (signal != null) {
            return reason(signal);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Method closeReason(Exception e) {
        ShutdownSignalException signal = cause(e, ShutdownSignalException.class);
        return signal != null ? signal.getReason() : null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
