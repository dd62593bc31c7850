package com.zebros.platform.pulumicli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plugin discovery exactly as the Java language host runs it for a Maven project
 * (pulumi/pulumi-java pkg/internal/executors/executor_maven.go, {@code PluginArgs}): the bootstrap
 * main prints the Pulumi packages on the classpath as JSON on stdout, which the host parses with Go's
 * {@code json.Unmarshal} (pkg/cmd/pulumi-language-java/main.go, {@code determinePulumiPackages}), so
 * stdout must be that JSON and nothing else. Without {@code mainArgs} wired to exec:java the
 * bootstrap gets no command, prints "Unknown command ''" and the aws plugin is never found.
 */
class PluginDiscoveryTest {

    @Test
    void theLanguageHostsDiscoveryCommandFindsTheAwsPlugin() throws Exception {
        Path stdout = Files.createTempFile("discovery", ".out");
        Path stderr = Files.createTempFile("discovery", ".err");
        Process process = new ProcessBuilder(List.of(
                        "mvn",
                        "-Dorg.slf4j.simpleLogger.logFile=System.err",
                        "--no-transfer-progress",
                        "compile",
                        "exec:java",
                        "-DmainClass=com.pulumi.bootstrap.internal.Main",
                        "-DmainArgs=packages"))
                .directory(new File("."))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "discovery did not finish in 180 s");
        String raw = Files.readString(stdout, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "discovery failed:\n" + raw + Files.readString(stderr));
        // Debian's Maven 3.8.7 appends a terminal reset code to stdout whatever its flags (Apache's
        // builds do not); README says so and names the jar path, which runs no Maven. Past those codes,
        // Go's json.Unmarshal allows whitespace around one value and nothing else.
        String out = raw.replaceAll("\u001b\\[[0-9;]*m", "");
        assertTrue(
                out.strip().startsWith("[")
                        && out.strip().endsWith("]")
                        && out.strip().equals(out.strip().replaceAll("\\p{Cntrl}", "")),
                "stdout is not one JSON value: " + out.replace("\u001b", "<ESC>"));
        JsonArray packages = JsonParser.parseString(out.strip()).getAsJsonArray();
        JsonObject aws = packages.asList().stream()
                .map(e -> e.getAsJsonObject())
                .filter(p -> p.get("name").getAsString().equals("aws"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no aws plugin in " + out));
        assertTrue(aws.get("resource").getAsBoolean());
        assertEquals(com.pulumi.aws.Utilities.getVersion(), aws.get("version").getAsString());
    }
}
