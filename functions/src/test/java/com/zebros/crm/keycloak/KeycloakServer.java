package com.zebros.crm.keycloak;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.UUID;

/**
 * The real Keycloak server (the distribution from Maven Central, on Temurin 25 because it needs Java
 * 21+) against the machine's PostgreSQL on 127.0.0.1:5432, with the zebros realm of
 * containers/keycloak imported at start: what the Fargate task runs, minus TLS.
 */
final class KeycloakServer implements AutoCloseable {
    static final Path REALM = Path.of("..", "containers", "keycloak", "realm", "zebros-realm.json");
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** The phase-0 Keycloak task's memory (the phase table's keycloakMemoryMb) and the task's heap options. */
    static final int TASK_MEMORY_MB = 1024;

    static final String TASK_HEAP_OPTIONS = "-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=50";

    private final Process process;
    private final int port;
    private final String adminPassword = "admin-" + UUID.randomUUID();
    private final Path log;

    KeycloakServer() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.2"));
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException(
                    "no Keycloak distribution at " + home + "; run with -Pkeycloak, which unpacks it");
        }
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(REALM, home.resolve("data/import/zebros-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        String database = "keycloak_it";
        run(List.of(
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
                "DROP DATABASE IF EXISTS " + database,
                "-c",
                "CREATE DATABASE " + database));
        port = freePort();
        log = home.resolve("keycloak-it.log");
        ProcessBuilder builder = new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--db=postgres",
                "--db-url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--db-username=postgres",
                "--db-password=unused",
                "--http-port=" + port,
                "--http-management-port=" + freePort(),
                "--health-enabled=true",
                "--import-realm",
                "--cache=local");
        if (Files.isDirectory(JAVA_25)) {
            builder.environment().put("JAVA_HOME", JAVA_25.toString());
        }
        // The heap as the phase-0 task sizes it: the task definition's JAVA_OPTS_KC_HEAP inside a 1 GiB container,
        // whose limit the JVM reads as its RAM; -XX:MaxRAM tells this JVM the same.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-XX:MaxRAM=" + TASK_MEMORY_MB + "m " + TASK_HEAP_OPTIONS);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        process = builder.start();
        awaitRealm();
    }

    private void awaitRealm() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; its log: " + Files.readString(log));
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not serve the zebros realm within 4 minutes; its log: " + log);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String issuer() {
        return url() + "/realms/zebros";
    }

    String adminPassword() {
        return adminPassword;
    }

    /** The peak resident memory of the Keycloak JVM so far, in MiB (VmHWM of the java process kc.sh started). */
    long peakResidentMib() throws IOException {
        List<ProcessHandle> candidates = new java.util.ArrayList<>(List.of(process.toHandle()));
        process.toHandle().descendants().forEach(candidates::add);
        for (ProcessHandle handle : candidates) {
            if (handle.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(handle.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            }
        }
        throw new IllegalStateException("no java process under kc.sh");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
