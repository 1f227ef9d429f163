package dev.muara.connector.http;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import dev.muara.api.source.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where to listen and what to accept, from validated options.
 *
 * @param token the bearer token clients must send, or null with {@code auth: none}
 * @param certFile the certificate chain's PEM file, or null for plain HTTP
 * @param keyFile the private key's PEM file, or null for plain HTTP
 */
record HttpListenerSettings(String host, int port, String path, Secret token, Path certFile, Path keyFile,
        int maxBodySize, int maxPending) {

    static HttpListenerSettings of(SourceContext context, Options options) {
        Secret token = options.get(HttpListenerOptions.TOKEN);
        boolean bearer = options.get(HttpListenerOptions.AUTH).equals("bearer");
        if (bearer && (token == null || token.reveal().isEmpty())) {
            throw options.invalid(HttpListenerOptions.TOKEN, "is required unless auth: none is set")
                    .withHint("set token: ${env:INGEST_TOKEN} and give clients that token as Authorization: Bearer <token>");
        }
        if (!bearer && token != null) {
            throw options.invalid(HttpListenerOptions.TOKEN, "is not used with auth: none");
        }
        String path = options.get(HttpListenerOptions.PATH);
        if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw options.invalid(HttpListenerOptions.PATH, "must be a URL path starting with /, such as /ingest");
        }
        Path cert = file(context, options, HttpListenerOptions.TLS_CERT_FILE);
        Path key = file(context, options, HttpListenerOptions.TLS_KEY_FILE);
        if ((cert == null) != (key == null)) {
            throw options.invalid(cert == null ? HttpListenerOptions.TLS_CERT_FILE : HttpListenerOptions.TLS_KEY_FILE,
                    "is needed with " + (cert == null ? "tls_key_file" : "tls_cert_file") + ": TLS takes both");
        }
        long maxBody = options.get(HttpListenerOptions.MAX_BODY_SIZE);
        if (maxBody < 1 || maxBody > Integer.MAX_VALUE - 8) {
            throw options.invalid(HttpListenerOptions.MAX_BODY_SIZE, "must be between 1 byte and 2 GiB");
        }
        return new HttpListenerSettings(options.get(HttpListenerOptions.HOST),
                options.get(HttpListenerOptions.PORT).intValue(), path, bearer ? token : null, cert, key, (int) maxBody,
                options.get(HttpListenerOptions.MAX_PENDING).intValue());
    }

    private static Path file(SourceContext context, Options options, OptionSpec<String> spec) {
        String name = options.get(spec);
        if (name == null) {
            return null;
        }
        Path file = context.baseDirectory().resolve(name).normalize();
        if (!Files.isReadable(file)) {
            throw options.invalid(spec, "cannot read " + file);
        }
        return file;
    }

    boolean tls() {
        return certFile != null;
    }

    /** What to call the endpoint in messages: {@code https://0.0.0.0:8443/ingest}; never a secret. */
    String describe() {
        return (tls() ? "https://" : "http://") + host + ":" + port + path;
    }
}
