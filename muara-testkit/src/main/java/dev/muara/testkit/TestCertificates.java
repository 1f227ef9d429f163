package dev.muara.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Certificates for TLS tests, made with the JDK's keytool: a server key and the certificate a client trusts. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /**
     * A self-signed certificate for the name localhost only, in the JKS key store {@code server.jks} of {@code dir}
     * (store and key password {@code password}), exported to {@code ca.pem} for clients to trust.
     *
     * @return the key store
     */
    public static Path selfSignedForLocalhost(Path dir, String password) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("server.jks");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "JKS",
                "-storepass", password, "-keypass", password);
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", dir.resolve("ca.pem").toString());
        return keyStore;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
