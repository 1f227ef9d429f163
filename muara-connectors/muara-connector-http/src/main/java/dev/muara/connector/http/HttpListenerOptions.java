package dev.muara.connector.http;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Secret;
import dev.muara.formats.message.MessageOptions;
import java.util.ArrayList;
import java.util.List;

/** The options of the {@code http_listener} source, declared once. */
final class HttpListenerOptions {

    private HttpListenerOptions() {
    }

    static final OptionSpec<String> HOST = OptionSpec.string("host",
            "Address to listen on: 127.0.0.1 (the default) takes requests from this machine only; 0.0.0.0 from "
                    + "every network the machine is on, as devices need.").withDefault("127.0.0.1");

    static final OptionSpec<Long> PORT = OptionSpec.integer("port", "Port to listen on.").required().atLeast(1)
            .atMost(65535);

    static final OptionSpec<String> PATH = OptionSpec.string("path",
            "The URL path that takes POST requests; every other path answers 404.").withDefault("/ingest");

    static final OptionSpec<String> AUTH = OptionSpec.oneOf("auth",
            "bearer: each request must carry Authorization: Bearer <token>; none: anyone who reaches the port may "
                    + "load data (only behind a proxy that checks clients).", "bearer", "none").withDefault("bearer");

    static final OptionSpec<Secret> TOKEN = OptionSpec.secret("token",
            "The bearer token clients send: a secret reference such as ${env:INGEST_TOKEN}, never written in clear; "
                    + "required unless auth: none.");

    static final OptionSpec<String> TLS_CERT_FILE = OptionSpec.string("tls_cert_file",
            "PEM file of the server's certificate chain, the server's own certificate first: serve HTTPS instead of "
                    + "HTTP.");

    static final OptionSpec<String> TLS_KEY_FILE = OptionSpec.string("tls_key_file",
            "PEM file of the certificate's private key, RSA or EC, unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----).");

    static final OptionSpec<Long> MAX_BODY_SIZE = OptionSpec.bytes("max_body_size",
            "The largest request body taken; a larger one is answered 413.").withDefault(10L << 20);

    static final OptionSpec<Long> MAX_PENDING = OptionSpec.integer("max_pending",
            "How many requests may be held at once, read or waiting for their commit; more are answered 503 with "
                    + "Retry-After. Memory held is at most max_pending x max_body_size.").withDefault(100L).atLeast(1)
            .atMost(100_000);

    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key",
            "Columns that identify a row (a message id field of the payload), used by write: merge to remove the "
                    + "duplicates of a client that sends again after a lost answer.");

    static final List<OptionSpec<?>> ALL;

    static {
        List<OptionSpec<?>> all = new ArrayList<>(List.of(HOST, PORT, PATH, AUTH, TOKEN, TLS_CERT_FILE, TLS_KEY_FILE,
                MAX_BODY_SIZE, MAX_PENDING, KEY));
        all.addAll(MessageOptions.ALL);
        ALL = List.copyOf(all);
    }
}
