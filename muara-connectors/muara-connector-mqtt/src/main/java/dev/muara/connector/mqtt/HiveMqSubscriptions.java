package dev.muara.connector.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import dev.muara.api.error.MuaraException;
import dev.muara.formats.tls.TrustedAuthorities;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.reactivestreams.Subscriber;

/**
 * Opens subscriptions with the HiveMQ MQTT client, with manual acknowledgement: the client holds back PUBACK (QoS 1)
 * and PUBREC (QoS 2) until the reader acknowledges, which it does after each commit. The global publish flow takes
 * every incoming message and is subscribed before the connection: a session the broker kept sends its waiting
 * messages right after CONNACK, before this client has subscribed again, and a message no flow takes would be
 * acknowledged and dropped by the client. Messages come through an {@link Inbox}, asked for in chunks.
 */
final class HiveMqSubscriptions {

    private HiveMqSubscriptions() {
    }

    static MqttSubscription open(MqttSettings settings) {
        return settings.mqtt5() ? openMqtt5(settings) : openMqtt3(settings);
    }

    private static MqttSubscription openMqtt5(MqttSettings settings) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(settings.clientId())
                .transportConfig(transport(settings)).buildBlocking();
        Inbox<Mqtt5Publish> inbox = new Inbox<>();
        client.toRx().publishes(MqttGlobalPublishFilter.ALL, true).subscribe(inbox);
        try {
            var connect = Mqtt5Connect.builder().cleanStart(settings.cleanStart())
                    .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                    .keepAlive((int) Math.min(65_535, settings.keepAlive().toSeconds()))
                    .restrictions().receiveMaximum(settings.receiveMaximum()).applyRestrictions();
            if (settings.username() != null) {
                var auth = Mqtt5SimpleAuth.builder().username(settings.username());
                if (settings.password() != null) {
                    auth.password(password(settings));
                }
                connect.simpleAuth(auth.build());
            } else if (settings.password() != null) {
                connect.simpleAuth(Mqtt5SimpleAuth.builder().password(password(settings)).build());
            }
            client.connect(connect.build());
            // a session that already holds the subscription gets no retained copies again
            List<Mqtt5Subscription> subscriptions = settings.topics().stream().map(topic -> Mqtt5Subscription.builder()
                    .topicFilter(topic).qos(MqttQos.fromCode(settings.qos()))
                    .retainHandling(Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST).build()).toList();
            Mqtt5SubAck subAck = client.subscribe(Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build());
            for (int i = 0; i < subAck.getReasonCodes().size(); i++) {
                if (subAck.getReasonCodes().get(i).isError()) {
                    throw refused(settings, settings.topics().get(i), subAck.getReasonCodes().get(i).toString());
                }
            }
        } catch (RuntimeException e) {
            disconnectQuietly(client::disconnect, client.getState());
            inbox.close();
            throw failure(settings, e);
        }
        return new Subscription<>(settings, client::getState, client::disconnect, inbox, HiveMqSubscriptions::received5);
    }

    private static MqttSubscription openMqtt3(MqttSettings settings) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(settings.clientId())
                .transportConfig(transport(settings)).buildBlocking();
        Inbox<Mqtt3Publish> inbox = new Inbox<>();
        client.toRx().publishes(MqttGlobalPublishFilter.ALL, true).subscribe(inbox);
        try {
            var connect = Mqtt3Connect.builder().cleanSession(settings.cleanStart())
                    .keepAlive((int) Math.min(65_535, settings.keepAlive().toSeconds()));
            if (settings.username() != null) {
                var auth = Mqtt3SimpleAuth.builder().username(settings.username());
                if (settings.password() != null) {
                    auth.password(password(settings));
                }
                connect.simpleAuth(auth.build());
            }
            client.connect(connect.build());
            List<Mqtt3Subscription> subscriptions = settings.topics().stream().map(topic -> Mqtt3Subscription.builder()
                    .topicFilter(topic).qos(MqttQos.fromCode(settings.qos())).build()).toList();
            Mqtt3SubAck subAck = client.subscribe(Mqtt3Subscribe.builder().addSubscriptions(subscriptions).build());
            for (int i = 0; i < subAck.getReturnCodes().size(); i++) {
                if (subAck.getReturnCodes().get(i).isError()) {
                    throw refused(settings, settings.topics().get(i), "FAILURE");
                }
            }
        } catch (RuntimeException e) {
            disconnectQuietly(client::disconnect, client.getState());
            inbox.close();
            throw failure(settings, e);
        }
        return new Subscription<>(settings, client::getState, client::disconnect, inbox, HiveMqSubscriptions::received3);
    }

    private static byte[] password(MqttSettings settings) {
        return settings.password().reveal().getBytes(StandardCharsets.UTF_8);
    }

    private static ReceivedMessage received5(Mqtt5Publish p) {
        return new ReceivedMessage(p.getTopic().toString(), p.getPayloadAsBytes(), p.getQos().getCode(), p.isRetain(),
                p.getQos() == MqttQos.AT_MOST_ONCE ? null : p::acknowledge);
    }

    private static ReceivedMessage received3(Mqtt3Publish p) {
        return new ReceivedMessage(p.getTopic().toString(), p.getPayloadAsBytes(), p.getQos().getCode(), p.isRetain(),
                p.getQos() == MqttQos.AT_MOST_ONCE ? null : p::acknowledge);
    }

    private static MqttClientTransportConfig transport(MqttSettings settings) {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder().serverHost(settings.host())
                .serverPort(settings.port())
                .socketConnectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (settings.tls()) {
            // the client checks the certificate chain and the host name (HTTPS rules) unless told otherwise
            var ssl = MqttClientSslConfig.builder();
            if (settings.caFile() != null) {
                ssl.trustManagerFactory(TrustedAuthorities.fromPem(settings.caFile()));
            }
            transport.sslConfig(ssl.build());
        }
        return transport.build();
    }

    private static MuaraException refused(MqttSettings settings, String topic, String reason) {
        return MuaraException.config("the broker " + settings.describe() + " refused the subscription to " + topic
                + " (" + reason + ")").withHint("check the topic filter and that this user may subscribe to it");
    }

    /** A failed connection or subscription as one sentence: refusals are final, a broker out of reach is retried. */
    private static MuaraException failure(MqttSettings settings, RuntimeException e) {
        if (e instanceof MuaraException m) {
            return m;
        }
        String where = "the MQTT broker " + settings.describe();
        if (e instanceof Mqtt5ConnAckException refused) {
            return MuaraException.config(where + " refused the connection of client " + settings.clientId() + ": "
                    + refused.getMqttMessage().getReasonCode()).withHint("check username, password and client_id");
        }
        if (e instanceof Mqtt3ConnAckException refused) {
            return MuaraException.config(where + " refused the connection of client " + settings.clientId() + ": "
                    + refused.getMqttMessage().getReturnCode()).withHint("check username, password and client_id");
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SSLException) {
            return MuaraException.connection(where + " failed the TLS handshake: " + cause.getMessage(), e)
                    .withHint("check that the broker's certificate is signed by ssl_ca_file (or a trusted authority) and "
                            + "names the host " + settings.host());
        }
        if (e instanceof ConnectionFailedException) {
            return MuaraException.connection("cannot reach " + where + ": " + cause.getMessage(), e).retriable()
                    .withHint("check host and port, and that the broker is running");
        }
        return MuaraException.connection(where + ": " + e.getMessage(), e).retriable();
    }

    private static void disconnectQuietly(Runnable disconnect, MqttClientState state) {
        if (state.isConnected()) {
            try {
                disconnect.run();
            } catch (RuntimeException e) {
                // the connection is being given up anyway
            }
        }
    }

    /**
     * The client's incoming messages, asked for {@link #CHUNK} at a time through Reactive Streams. The client's
     * blocking view asks for one message at a time, so every message waited for a hand-over between the client's
     * event loop and the reader, and a reader seldom found more than a few messages to put in a batch. Never holds
     * more than it asked for, so the queue cannot overflow; what it holds at a disconnect is unacknowledged and stays
     * with the broker.
     */
    private static final class Inbox<P> implements Subscriber<P> {
        private static final int CAPACITY = 4096;
        private static final int CHUNK = 1024;

        private final ArrayBlockingQueue<P> queue = new ArrayBlockingQueue<>(CAPACITY);
        private final AtomicReference<org.reactivestreams.Subscription> subscription = new AtomicReference<>();
        private volatile Throwable failure;
        /** Taken since the last request; only the reader's thread touches it. */
        private int taken;

        @Override
        public void onSubscribe(org.reactivestreams.Subscription s) {
            if (subscription.compareAndSet(null, s)) {
                s.request(CAPACITY);
            } else {
                s.cancel();
            }
        }

        @Override
        public void onNext(P message) {
            if (!queue.offer(message)) {
                failure = new IllegalStateException("the MQTT client delivered more messages than were asked for");
            }
        }

        @Override
        public void onError(Throwable error) {
            failure = error;
        }

        @Override
        public void onComplete() {
            // the flow ends only when it is cancelled, which close() does
        }

        /** The next message, waiting at most {@code millis} (0: not at all); null when none came. */
        P poll(long millis) throws InterruptedException {
            P message = millis > 0 ? queue.poll(millis, TimeUnit.MILLISECONDS) : queue.poll();
            if (message != null && ++taken == CHUNK) {
                taken = 0;
                subscription.get().request(CHUNK);
            }
            return message;
        }

        /** Why the flow ended, or null while it runs. */
        Throwable failure() {
            return failure;
        }

        /** Cancels the flow; a request after this is a no-op, as Reactive Streams requires. */
        void close() {
            org.reactivestreams.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** The subscription over either protocol's client, which differ only in their types. */
    private static final class Subscription<P> implements MqttSubscription {
        private final MqttSettings settings;
        private final Supplier<MqttClientState> state;
        private final Runnable disconnect;
        private final Inbox<P> inbox;
        private final Function<P, ReceivedMessage> convert;

        Subscription(MqttSettings settings, Supplier<MqttClientState> state, Runnable disconnect, Inbox<P> inbox,
                Function<P, ReceivedMessage> convert) {
            this.settings = settings;
            this.state = state;
            this.disconnect = disconnect;
            this.inbox = inbox;
            this.convert = convert;
        }

        @Override
        public ReceivedMessage receive(long millis) throws InterruptedException {
            checkFlow();
            P message = inbox.poll(Math.max(1, millis));
            if (message == null) {
                // the flow stays open when the connection drops, so silence is checked against the client's state
                if (!state.get().isConnected()) {
                    throw lost(null);
                }
                return null;
            }
            return convert.apply(message);
        }

        @Override
        public ReceivedMessage receiveNow() {
            checkFlow();
            try {
                P message = inbox.poll(0);
                return message == null ? null : convert.apply(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** A flow that failed may have dropped a message: the run goes back to its last commit at once. */
        private void checkFlow() {
            if (inbox.failure() != null) {
                throw lost(inbox.failure());
            }
        }

        private MuaraException lost(Throwable cause) {
            return MuaraException.connection("lost the connection to the MQTT broker " + settings.describe(), cause)
                    .retriable().withHint("the run starts again from its last commit; unacknowledged messages come again");
        }

        /**
         * Disconnects, then closes the flow: a message arriving while connected with no flow open would be
         * acknowledged by the client and lost; after the disconnect, whatever the flow still holds unacknowledged
         * stays with the broker's session.
         */
        @Override
        public void close() {
            disconnectQuietly(disconnect, state.get());
            inbox.close();
        }
    }
}
