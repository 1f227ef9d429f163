package dev.muara.cli;

import java.util.Arrays;

/**
 * Configures the SLF4J simple logger before the first logger exists: log lines to standard error, with time and
 * level; warnings only when a progress bar is drawn on a terminal; debug with {@code --verbose}.
 */
final class Logging {

    private Logging() {
    }

    static void configure(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        boolean quiet = Terminal.interactive() && Arrays.asList(args).contains("run");
        String level = verbose ? "debug" : quiet ? "warn" : "info";
        set("org.slf4j.simpleLogger.defaultLogLevel", level);
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.showDateTime", "true");
        set("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        set("org.slf4j.simpleLogger.showThreadName", verbose ? "true" : "false");
        set("org.slf4j.simpleLogger.showShortLogName", "true");
        set("org.slf4j.simpleLogger.levelInBrackets", "false");
        // chatty libraries stay at warn unless debugging
        set("org.slf4j.simpleLogger.log.com.networknt", verbose ? "debug" : "warn");
        // the Kafka client logs every client's whole configuration and each connection step at info
        set("org.slf4j.simpleLogger.log.org.apache.kafka", verbose ? "info" : "warn");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
