package com.zebros.crm.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory signal read from this very process's /proc entry, as a Lambda environment would read its own. */
class MemoryUseTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String written(MemoryUse use) {
        var bytes = new ByteArrayOutputStream();
        use.record(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void theRecordIsThePeakResidentSetOverTheConfiguredMemoryNamedByFunction() throws Exception {
        var clock = new MovableClock();
        var use = new MemoryUse(
                STATUS,
                Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "4096", "AWS_LAMBDA_FUNCTION_NAME", "zebros-dev-customers"),
                clock);
        JsonObject record = Json.object(written(use));
        long peakKb = Files.readAllLines(STATUS).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow();
        double percent = record.get(MemoryUse.METRIC).getAsDouble();
        // The peak can only have grown between the record and this read, by less than a tenth of a percent of 4 GB.
        assertEquals(100.0 * peakKb / 1024 / 4096, percent, 0.2, record.toString());
        assertTrue(percent > 0, "a running JVM holds memory");
        assertEquals("zebros-dev-customers", record.get("FunctionName").getAsString());
        var definition = record.getAsJsonObject("_aws")
                .getAsJsonArray("CloudWatchMetrics")
                .get(0)
                .getAsJsonObject();
        assertEquals("ZebrosCRM", definition.get("Namespace").getAsString());
        assertEquals("[[\"FunctionName\"]]", definition.get("Dimensions").toString());
        assertEquals(
                "Percent",
                definition
                        .getAsJsonArray("Metrics")
                        .get(0)
                        .getAsJsonObject()
                        .get("Unit")
                        .getAsString());
    }

    @Test
    void oneRecordAMinutePerEnvironment() {
        var clock = new MovableClock();
        var use = new MemoryUse(STATUS, Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"), clock);
        assertTrue(written(use).contains(MemoryUse.METRIC));
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        assertEquals("", written(use), "within the minute");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertTrue(written(use).contains(MemoryUse.METRIC), "a minute later");
    }

    @Test
    void outsideLambdaOrWithoutProcItWritesNothing() {
        assertEquals("", written(new MemoryUse(STATUS, Map.of(), new MovableClock())), "no configured memory");
        assertEquals(
                "",
                written(new MemoryUse(
                        Path.of("/nonexistent/status"),
                        Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"),
                        new MovableClock())),
                "no /proc entry");
    }
}
