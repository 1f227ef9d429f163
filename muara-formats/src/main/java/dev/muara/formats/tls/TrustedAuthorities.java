package dev.muara.formats.tls;

import dev.muara.api.error.MuaraException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities of an {@code ssl_ca_file} (PEM), as the only ones a connection trusts: a broker with a
 * private CA is verified against it rather than against the JDK's authorities.
 */
public final class TrustedAuthorities {

    private static final String HINT = "give the PEM file of the authority that signed the server's certificate";

    private TrustedAuthorities() {
    }

    /** Trust managers that accept exactly the certificates of {@code pemFile}. */
    public static TrustManagerFactory fromPem(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw MuaraException.config("ssl_ca_file " + pemFile + " holds no certificate").withHint(HINT);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw MuaraException.config("cannot read ssl_ca_file " + pemFile + ": " + e.getMessage()).withHint(HINT);
        }
    }
}
