package dev.muara.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.source.PlanContext;
import dev.muara.api.source.Source;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.RecordingReaderContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a certificate and key from PEM files, made at test time with the JDK's keytool. */
class HttpListenerTlsTest {

    private static final String PASSWORD = "test-only";

    @TempDir
    Path dir;

    /** A self-signed certificate for localhost and 127.0.0.1, written as cert.pem and key.pem (PKCS#8). */
    private Certificate selfSigned(String algorithm) throws Exception {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", algorithm, "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = keys.getCertificate("server");
        Key key = keys.getKey("server", PASSWORD.toCharArray());
        Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        return certificate;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static HttpClient trusting(Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private Map<String, Object> tlsOptions(int port) {
        Map<String, Object> options = HttpTesting.options(port);
        options.put("tls_cert_file", "cert.pem");
        options.put("tls_key_file", "key.pem");
        return options;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void a_client_trusting_the_certificate_posts_over_https_and_plain_http_gets_no_answer(String algorithm)
            throws Exception {
        HttpClient client = trusting(selfSigned(algorithm));
        int port = HttpTesting.freePort();
        Source source = HttpTesting.source(dir, tlsOptions(port));
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context)) {
            HttpRequest request = HttpTesting.post(URI.create("https://localhost:" + port + "/ingest"), "{\"n\": 1}").build();
            CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            int rows = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rows == 0 && System.nanoTime() < deadline) {
                rows = reader.next(Duration.ofMillis(50)).rowCount();
            }
            assertThat(rows).isEqualTo(1);
            reader.committed(reader.position());
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(202);

            HttpRequest plain = HttpTesting.post(URI.create("http://127.0.0.1:" + port + "/ingest"), "{\"n\": 2}")
                    .timeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> HttpTesting.CLIENT.send(plain, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            assertThat(reader.next(Duration.ofMillis(200)).rowCount()).isZero();
        }
    }

    @Test
    void a_client_that_does_not_trust_the_certificate_is_refused() throws Exception {
        selfSigned("RSA");
        int port = HttpTesting.freePort();
        Source source = HttpTesting.source(dir, tlsOptions(port));
        RecordingReaderContext context = new RecordingReaderContext("s", 100, new ArrayList<>());
        try (SplitReader reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), null, context)) {
            HttpRequest request = HttpTesting.post(URI.create("https://localhost:" + port + "/ingest"), "{\"n\": 1}").build();
            assertThatThrownBy(() -> HttpTesting.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_key_in_the_older_pkcs1_form_is_refused_with_a_hint_to_convert_it() throws Exception {
        selfSigned("RSA");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> HttpTesting.source(dir, tlsOptions(HttpTesting.freePort())))
                .isInstanceOfSatisfying(MuaraException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.getMessage()).contains("PKCS#1");
                    assertThat(e.hint()).contains("openssl pkcs8 -topk8");
                });
    }

    @Test
    void a_certificate_without_its_key_is_refused() throws Exception {
        selfSigned("RSA");
        Map<String, Object> options = tlsOptions(HttpTesting.freePort());
        options.remove("tls_key_file");
        assertThatThrownBy(() -> HttpTesting.source(dir, options)).isInstanceOfSatisfying(MuaraException.class,
                e -> assertThat(e.getMessage()).contains("tls_key_file"));
    }
}
