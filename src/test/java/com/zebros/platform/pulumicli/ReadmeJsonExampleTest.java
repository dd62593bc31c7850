package com.zebros.platform.pulumicli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JSON example of docs/offline-plan.md runs exactly as written, through Maven (which writes terminal codes to
 * stdout on this machine's Debian build) and jq, and answers the plan's resource count.
 */
class ReadmeJsonExampleTest {

    @Test
    void theReadmeJsonCommandWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("docs/offline-plan.md"));
        String command = readme.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("mvn -q compile exec:java") && l.contains("--out plan.json"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON example"));
        Path plan = Path.of("plan.json");
        try {
            Process process = new ProcessBuilder(List.of("bash", "-c", command))
                    .directory(new File("."))
                    .redirectErrorStream(false)
                    .start();
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the example did not finish");
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("\u001b\\[[0-9;]*m", "")
                    .strip();
            assertEquals(
                    0,
                    process.exitValue(),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(Integer.parseInt(out) > 250, "jq counted the resources of prod-eu: " + out);
        } finally {
            Files.deleteIfExists(plan);
        }
    }
}
