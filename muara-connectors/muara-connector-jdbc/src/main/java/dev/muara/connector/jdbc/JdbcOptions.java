package dev.muara.connector.jdbc;

import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The options of the relational database connectors, declared once. */
final class JdbcOptions {

    private JdbcOptions() {
    }

    // where the database is
    static final OptionSpec<String> HOST = OptionSpec.string("host", "Server host name or address.").withDefault("localhost");
    static OptionSpec<Long> port(long defaultPort) {
        return OptionSpec.integer("port", "Server port.").withDefault(defaultPort).atLeast(1).atMost(65535);
    }
    static final OptionSpec<String> DATABASE = OptionSpec.string("database", "Database name.").required();
    static final OptionSpec<String> USER = OptionSpec.string("user", "User name.");
    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password",
            "Password: write it as ${env:NAME} or ${file:/path}, never in clear.");
    static final OptionSpec<String> PATH = OptionSpec.string("path",
            "Database file, relative to the pipeline file.").required();
    static OptionSpec<String> sslMode(String defaultMode) {
        return OptionSpec.oneOf("ssl_mode",
                "TLS: disable; require (encrypted, server not verified); verify-ca (the server's certificate is signed "
                        + "by a trusted CA); verify-full (verify-ca, and the host name matches the certificate).",
                "disable", "prefer", "require", "verify-ca", "verify-full").withDefault(defaultMode);
    }
    static final OptionSpec<String> SSL_ROOT_CERT = OptionSpec.string("ssl_root_cert",
            "CA certificate file (PEM) to verify the server with; relative to the pipeline file.");
    static final OptionSpec<Map<String, String>> PROPERTIES = OptionSpec.stringMap("properties",
            "Extra JDBC driver properties. Properties that make the driver read local files or load classes "
                    + "(socketFactory, sslfactory, allowLoadLocalInfile, ...) are refused.");
    static final OptionSpec<Long> POOL_SIZE = OptionSpec.integer("pool_size",
            "Connections open at most (opened as needed); default 10.").atLeast(1).atMost(100);
    static final OptionSpec<Duration> CONNECT_TIMEOUT = OptionSpec.duration("connect_timeout",
            "How long to wait for a connection.").withDefault(Duration.ofSeconds(10));

    // what to read
    static final OptionSpec<List<String>> TABLES = OptionSpec.stringList("tables",
            "Tables to read: names or patterns with * and ?, optionally schema-qualified: [orders, sales.*]. Each table "
                    + "is a stream, named after the table (schema.table when the pattern's schema has a wildcard).")
            .perStream();
    static final OptionSpec<String> QUERY = OptionSpec.string("query",
            "A SELECT whose rows form one stream, instead of tables.").perStream();
    static final OptionSpec<String> CURSOR = OptionSpec.string("cursor",
            "Incremental load: a column that grows with every change (an id, updated_at). Each run reads the rows past "
                    + "the highest value the last run committed. Without a cursor, every run reads the whole table.")
            .perStream();
    static final OptionSpec<String> LOOKBACK = OptionSpec.string("lookback",
            "Incremental load: read again this far behind the last cursor value, for rows committed late: a duration "
                    + "(10m) for a time cursor, a number for a numeric one. Rows read twice are upserted with write: merge.")
            .perStream();
    static final OptionSpec<Long> PARTITIONS = OptionSpec.integer("partitions",
            "Read each table in this many parallel splits, by ranges of partition_column.").withDefault(1L)
            .atLeast(1).atMost(1024).perStream();
    static final OptionSpec<String> PARTITION_COLUMN = OptionSpec.string("partition_column",
            "A numeric or date column to split tables by; default: a single-column numeric or date primary key.")
            .perStream();
    static final OptionSpec<Long> FETCH_SIZE = OptionSpec.integer("fetch_size",
            "Rows fetched from the server at a time; reading streams, so memory stays flat. PostgreSQL "
                    + "reads with binary COPY, which needs none, unless binary_copy is false.").withDefault(10_000L)
            .atLeast(1).atMost(1_000_000).perStream();
    static final OptionSpec<String> SOURCE_SCHEMA = OptionSpec.string("schema",
            "Schema for table names without one; default: the database's default (public, main, the database).")
            .perStream();

    // where to write
    static final OptionSpec<String> TARGET_SCHEMA = OptionSpec.string("schema",
            "Schema of the tables; created when missing. Default: the database's default.").perStream();

    static final List<OptionSpec<?>> READ = List.of(TABLES, QUERY, CURSOR, LOOKBACK, PARTITIONS, PARTITION_COLUMN,
            FETCH_SIZE, SOURCE_SCHEMA);
}
