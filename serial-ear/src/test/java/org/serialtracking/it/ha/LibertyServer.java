package org.serialtracking.it.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One more Liberty server for a test of its own, made from the server the build created and deployed
 * for the integration tests (serial-it: the same server.xml, registries and EAR), with bootstrap
 * properties of its own (port, database URL, schema), started and stopped by the test.
 */
public final class LibertyServer implements AutoCloseable {

    private static final String TEMPLATE = "serial-it";
    private static final List<String> COPIED = List.of("server.xml", "jvm.options", "server.env", "registry-basic.xml",
            "registry-ldap.xml", "session-memory.xml", "session-database.xml", "apps", "configDropins");

    final String name;
    final int httpPort;

    private LibertyServer(String name, int httpPort) {
        this.name = name;
        this.httpPort = httpPort;
    }

    /** Creates (afresh) and starts the server; returns when the application is ready. */
    static LibertyServer start(String name, int httpPort, Map<String, String> bootstrap) {
        Path servers = Scripts.WLP.resolve("usr/servers");
        Path dir = servers.resolve(name);
        LibertyServer server = new LibertyServer(name, httpPort);
        server.stopQuietly();
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            for (String entry : COPIED) {
                Path from = servers.resolve(TEMPLATE).resolve(entry);
                if (Files.exists(from)) {
                    copyTree(from, dir.resolve(entry));
                }
            }
            String properties = bootstrap.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(dir.resolve("bootstrap.properties"), "SERIAL_USER_REGISTRY=basic\nSERIAL_SESSION_STORE=memory\nSERIAL_HTTP_PORT="
                    + httpPort + "\nSERIAL_HTTPS_PORT=" + (httpPort + 364) + "\n" + properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scripts.run(List.of(Scripts.WLP.resolve("bin/server").toString(), "start", name));
        server.awaitReady(Duration.ofSeconds(180));
        return server;
    }

    public String base() {
        return "http://localhost:" + httpPort + "/serial";
    }

    public void awaitReady(Duration patience) {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                        + "/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + patience);
    }

    /** Kills the server's JVM at once (no shutdown), as a crashed or unplugged machine would go. */
    public void kill() {
        Path pid = Scripts.WLP.resolve("usr/servers/.pid/" + name + ".pid");
        try {
            String id = Files.readString(pid).trim();
            Scripts.run(List.of("kill", "-9", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again (after {@link #kill()}), as it was; returns when it is ready. */
    public void restart() {
        stopQuietly();
        Scripts.run(List.of(Scripts.WLP.resolve("bin/server").toString(), "start", name));
        awaitReady(Duration.ofSeconds(180));
    }

    private void stopQuietly() {
        try {
            Scripts.run(List.of(Scripts.WLP.resolve("bin/server").toString(), "stop", name));
        } catch (IllegalStateException notRunning) {
            // it was not there, or not running
        }
    }

    @Override
    public void close() {
        stopQuietly();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
