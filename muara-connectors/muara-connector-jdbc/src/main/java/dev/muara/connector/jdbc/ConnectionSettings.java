package dev.muara.connector.jdbc;

import dev.muara.api.option.Options;
import dev.muara.api.option.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach a database, from a connector's options. Driver properties that make the driver read local files,
 * load classes or deserialize objects are refused: they turn a configuration value into code execution or file
 * disclosure, and only the connector itself may set them.
 *
 * @param host server host, for server databases
 * @param port server port
 * @param database database name, or the file for file databases
 * @param user user name, or null
 * @param password password, or null
 * @param sslMode disable, prefer, require, verify-ca or verify-full
 * @param sslRootCert a CA certificate file, or null
 * @param properties extra driver properties, already checked
 * @param connectTimeout how long to wait for a connection
 * @param poolSize connections kept at most
 */
record ConnectionSettings(String host, int port, String database, String user, Secret password, String sslMode,
        Path sslRootCert, Map<String, String> properties, Duration connectTimeout, int poolSize) {

    /** Fragments of property names that give a driver power over files, classes or object streams. */
    private static final String[] REFUSED = {"factory", "interceptor", "plugin", "class", "infile", "loggerfile",
        "logfile", "deserialize", "hostnameverifier", "callback", "localsocket", "socketpath", "jaas", "kerberos"};

    /** Connections kept at most when the pipeline does not say: enough for every reader and the writer. */
    private static final int DEFAULT_POOL = 10;

    static ConnectionSettings server(Options options, Path base, Dialect dialect) {
        Map<String, String> properties = options.get(JdbcOptions.PROPERTIES) == null ? Map.of() : options.get(JdbcOptions.PROPERTIES);
        for (String key : properties.keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            for (String refused : REFUSED) {
                if (lower.contains(refused)) {
                    throw options.invalid(JdbcOptions.PROPERTIES, "the driver property '" + key
                            + "' is refused: it would let the configuration load classes or read files");
                }
            }
        }
        plain(options, JdbcOptions.HOST, options.get(JdbcOptions.HOST));
        plain(options, JdbcOptions.DATABASE, options.get(JdbcOptions.DATABASE));
        String cert = options.get(JdbcOptions.SSL_ROOT_CERT);
        Long pool = options.get(JdbcOptions.POOL_SIZE);
        return new ConnectionSettings(options.get(JdbcOptions.HOST), options.get(dialect.portOption()).intValue(),
                options.get(JdbcOptions.DATABASE), options.get(JdbcOptions.USER), options.get(JdbcOptions.PASSWORD),
                options.get(dialect.sslModeOption()), cert == null ? null : base.resolve(cert).normalize(),
                Map.copyOf(properties), options.get(JdbcOptions.CONNECT_TIMEOUT), pool != null ? pool.intValue() : DEFAULT_POOL);
    }

    static ConnectionSettings file(Options options, Path base) {
        plain(options, JdbcOptions.PATH, options.get(JdbcOptions.PATH));
        Path file = base.resolve(options.get(JdbcOptions.PATH)).normalize();
        return new ConnectionSettings(null, 0, file.toAbsolutePath().toString(), null, null, "disable", null, Map.of(),
                options.get(JdbcOptions.CONNECT_TIMEOUT), DEFAULT_POOL);
    }

    /**
     * Refuses characters that would smuggle driver properties into the JDBC URL ({@code db?socketFactory=...},
     * {@code file.sqlite?enable_load_extension=true}), where the property checks above could not see them.
     */
    private static void plain(Options options, dev.muara.api.option.OptionSpec<String> option, String value) {
        if (value != null && value.chars().anyMatch(c -> c == '?' || c == '&' || c == ';' || c == '#' || c < 0x20
                || c == '/' && option != JdbcOptions.PATH)) {
            throw options.invalid(option, "must not contain ? & ; # or control characters"
                    + (option == JdbcOptions.PATH ? "" : ", nor /") + ": driver properties go under properties:");
        }
    }

    /** What to call this database in messages: {@code postgres db@host:5432}; never a secret. */
    String describe() {
        return host == null ? database : database + "@" + host + ":" + port;
    }
}
