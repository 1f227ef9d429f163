package dev.muara.connector.http;

import dev.muara.api.error.MuaraException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The TLS identity of the listener, read from a PEM certificate chain and a PEM PKCS#8 private key with JDK classes. */
final class PemServerIdentity {

    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";
    private static final String CONVERT_HINT =
            "convert the key with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

    private PemServerIdentity() {
    }

    /** A server TLS context presenting the chain in {@code certFile} with the key in {@code keyFile}. */
    static SSLContext serverContext(Path certFile, Path keyFile) {
        Certificate[] chain = chain(certFile);
        PrivateKey key = privateKey(keyFile);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw MuaraException.config("the TLS key in " + keyFile + " does not go with the certificate in " + certFile
                    + ": " + e.getMessage());
        }
    }

    private static Certificate[] chain(Path certFile) {
        try (InputStream in = Files.newInputStream(certFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw MuaraException.config(certFile + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return certificates.toArray(new Certificate[0]);
        } catch (IOException | GeneralSecurityException e) {
            throw MuaraException.config("cannot read the certificates in " + certFile + ": " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path keyFile) {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw MuaraException.config("cannot read the private key in " + keyFile + ": " + e.getMessage());
        }
        int begin = pem.indexOf(BEGIN_KEY);
        int end = pem.indexOf(END_KEY);
        if (begin < 0 || end < begin) {
            String found = pem.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key"
                    : pem.contains("RSA PRIVATE KEY") || pem.contains("EC PRIVATE KEY") ? "a key in the older PKCS#1/SEC1 form"
                    : "no private key";
            throw MuaraException.config(keyFile + " holds " + found + ", not an unencrypted PKCS#8 key ("
                    + BEGIN_KEY + ")").withHint(CONVERT_HINT);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN_KEY.length(), end));
        } catch (IllegalArgumentException e) {
            throw MuaraException.config("the private key in " + keyFile + " is not valid Base64");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException e) {
                // not this algorithm: try the next
            } catch (GeneralSecurityException e) {
                throw MuaraException.internal("the JDK offers no " + algorithm + " keys", e);
            }
        }
        throw MuaraException.config("the private key in " + keyFile + " is neither an RSA nor an EC key")
                .withHint(CONVERT_HINT);
    }
}
