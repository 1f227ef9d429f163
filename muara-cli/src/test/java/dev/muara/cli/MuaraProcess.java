package dev.muara.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Muara run as a separate process, as a user runs it, so a test can kill it, signal it and measure it. */
final class MuaraProcess implements AutoCloseable {

    private final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private MuaraProcess(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code muara args...} with this test's class path, standard error merged into standard output. */
    static MuaraProcess start(Path workDir, Map<String, String> env, String heap, String... args) throws IOException {
        return start(workDir, env, heap, classPath(), args);
    }

    /**
     * Starts {@code ./muara args...}: the launcher and the distribution it runs ({@code target/dist}, made by the
     * package phase), so a connector library or native library missing from it, or a launcher option that breaks a
     * run, fails the test: integration tests only. The launcher runs this JVM's JDK; it replaces itself with the JVM,
     * so a signal to the process reaches Muara.
     */
    static MuaraProcess startDistribution(Path workDir, Map<String, String> env, String heap, String... args)
            throws IOException {
        Path root = Files2.projectRoot();
        if (!Files.isRegularFile(root.resolve("muara-cli/target/dist/muara.jar"))) {
            throw new IllegalStateException("no distribution in muara-cli/target/dist: run the package phase first");
        }
        List<String> command = new ArrayList<>();
        command.add(root.resolve("muara").toString());
        command.addAll(List.of(args));
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("MUARA_JAVA_OPTS", "-Xmx" + heap);
        return start(workDir, environment, command);
    }

    /**
     * Like {@link #start}, with the test-only connectors of this module registered as well (a slow target): they
     * stay out of every other Muara the tests run, so the generated docs list only the real ones.
     */
    static MuaraProcess startWithTestConnectors(Path workDir, String heap, String... args) throws IOException {
        Path services = Files.createDirectories(workDir.resolve("test-connectors/META-INF/services"));
        Files.writeString(services.resolve("dev.muara.api.sink.SinkConnector"), ThrottledSinkConnector.class.getName() + "\n");
        return start(workDir, Map.of(), heap, workDir.resolve("test-connectors") + File.pathSeparator + classPath(), args);
    }

    /** Like {@link #start}, with {@code plugins} (jars) on the class path as well, as the launcher adds {@code plugins/*}. */
    static MuaraProcess startWithPlugins(Path workDir, List<Path> plugins, String heap, String... args) throws IOException {
        List<String> entries = new ArrayList<>();
        plugins.forEach(plugin -> entries.add(plugin.toString()));
        entries.add(classPath());
        return start(workDir, Map.of(), heap, String.join(File.pathSeparator, entries), args);
    }

    private static MuaraProcess start(Path workDir, Map<String, String> env, String heap, String classPath, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // as the launcher does, for Netty (MQTT)
        }
        command.add("-cp");
        command.add(classPath);
        command.add("dev.muara.cli.Main");
        command.addAll(List.of(args));
        return start(workDir, env, command);
    }

    private static MuaraProcess start(Path workDir, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("MUARA_PROGRESS", "plain");
        return new MuaraProcess(builder.start());
    }

    /** This test JVM's class path, read from surefire's manifest-only jar when it hands over one. */
    static String classPath() throws IOException {
        String path = System.getProperty("java.class.path");
        // surefire may hand over a jar whose manifest holds the real class path
        if (!path.contains(File.pathSeparator) && path.endsWith(".jar")) {
            try (var jar = new java.util.jar.JarFile(path)) {
                String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    List<String> entries = new ArrayList<>();
                    for (String entry : manifestPath.split(" ")) {
                        entries.add(Path.of(java.net.URI.create(entry)).toString());
                    }
                    return String.join(File.pathSeparator, entries);
                }
            }
        }
        return path;
    }

    /** Waits until a line of output matches, or the process ends, or the time is up; true when it matched. */
    boolean awaitLine(Predicate<String> match, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(match)) {
                return true;
            }
            if (!process.isAlive()) {
                pump.join(1000);
                return output.stream().anyMatch(match);
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** SIGKILL: the process ends at once, as in a crash or an out-of-memory kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends a signal (TERM, INT) with kill(1); Process.destroy would also close the output streams. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("muara did not end within " + seconds + " s; output:\n" + String.join("\n", output));
        }
        pump.join(5000);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The peak resident memory of the process so far (VmHWM), in bytes, or -1 where /proc is missing. */
    long peakRssBytes() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /**
     * The heap the process holds on to, in bytes: what is in use right after a full collection (jcmd GC.run, then
     * GC.heap_info), so garbage not yet collected does not count; -1 when the JVM cannot be asked.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = Pattern.compile("heap .*?used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String answer = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return answer;
    }

    String text() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
