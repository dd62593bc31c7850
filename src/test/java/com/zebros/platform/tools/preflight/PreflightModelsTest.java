package com.zebros.platform.tools.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.config.PhaseSetting;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The preflight's constraint table is generated from the newest AWS API models the machine has: the generator finds
 * them (tools/preflight/generate-constraints.py --newest-version, every botocore of every Python here), and this fails
 * when the checked-in table names an older botocore, with the command that regenerates it. The phase settings' bounds
 * that an AWS API member also bounds are held to that member, so an override AWS accepts is never refused.
 */
class PreflightModelsTest {

    @Test
    void theTableIsMadeFromTheNewestModelsHere() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "tools/preflight/generate-constraints.py", "--newest-version")
                .redirectErrorStream(true)
                .start();
        String newest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), newest);
        String recorded = Preflight.modelVersion();
        if (newest.equals("none")) {
            return; // no botocore on this machine: nothing newer to find
        }
        assertTrue(
                compare(recorded, newest) >= 0,
                "api-constraints.json is made from botocore " + recorded + ", and this machine has " + newest
                        + ": run python3 tools/preflight/generate-constraints.py");
    }

    /** Each phase setting an API member bounds, with that member: (resource type, input) or a document shape. */
    private static final Map<PhaseSetting, List<String>> BOUNDED_BY = Map.of(
            PhaseSetting.LAMBDA_MEMORY_MB, List.of("aws:lambda/function:Function", "memorySize"),
            PhaseSetting.RESERVED_CONCURRENCY, List.of("aws:lambda/function:Function", "reservedConcurrentExecutions"),
            PhaseSetting.WAF_REQUESTS_PER_IP_PER_5_MIN, List.of("shape", "wafv2:RateLimit"));

    @Test
    void phaseSettingBoundsAreTheApisOwn() throws IOException {
        JsonObject table;
        try (var in = PreflightModelsTest.class.getResourceAsStream("/preflight/api-constraints.json")) {
            table = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
        BOUNDED_BY.forEach((setting, where) -> {
            JsonObject constraint = where.get(0).equals("shape")
                    ? table.getAsJsonObject("shapes").getAsJsonObject(where.get(1))
                    : table.getAsJsonObject("members")
                            .getAsJsonObject(where.get(0))
                            .getAsJsonObject(where.get(1));
            if (constraint.has("min")) {
                assertEquals(constraint.get("min").getAsDouble(), setting.min(), setting + " min, as " + where);
            }
            if (constraint.has("max")) {
                assertEquals(constraint.get("max").getAsDouble(), setting.max(), setting + " max, as " + where);
            }
        });
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
