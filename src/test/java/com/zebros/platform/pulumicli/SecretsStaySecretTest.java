package com.zebros.platform.pulumicli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.StackSettings;
import com.zebros.platform.edge.OriginSecret;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.OfflinePlanner;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlanJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everything read from or derived from a config secret reaches the engine as a secret. The plan
 * masks only what arrives wrapped as secret on the wire (the engine's own marker), never by name or
 * value, so a secret value that shows anywhere in a plan is one the engine would store in plain
 * text and {@code pulumi preview --diff} would print.
 */
class SecretsStaySecretTest {
    private static final String DB_PASSWORD = "Db-Secret-7f3a9c2e51";
    private static final String ADMIN_PASSWORD = "Admin-Secret-4b8d1e6f27";
    private static final String REDIS_TOKEN = "Redis-Secret-9c2a7e5b13d";

    @ParameterizedTest
    @CsvSource({"dev, 3", "prod-us, 3", "prod-eu, 3"})
    void noSecretOrWhatIsDerivedFromItAppearsInThePlan(String stack, int phase) {
        StackSettings settings = withSecrets(stack, phase);
        Plan plan = settings.primaryStack().isEmpty()
                ? OfflinePlanner.plan(settings)
                : OfflinePlanner.plan(
                        settings,
                        OfflinePlanner.plan(withSecrets(settings.primaryStack().get(), phase))
                                .outputs());
        String json = PlanJson.render(plan);
        String origin = OriginSecret.derive(DB_PASSWORD, settings.domain());
        for (String secret : List.of(
                DB_PASSWORD,
                ADMIN_PASSWORD,
                REDIS_TOKEN,
                origin,
                Base64.getEncoder().encodeToString(origin.getBytes(StandardCharsets.UTF_8)))) {
            assertTrue(
                    !json.contains(secret),
                    stack + " at phase " + phase + " holds a secret in plain text: " + around(json, secret));
        }
        // And the secrets did reach the plan, masked where the engine holds them.
        var database = plan.resources().stream()
                .filter(r -> r.type().equals("aws:rds/cluster:Cluster"))
                .findFirst()
                .orElseThrow();
        if (settings.primaryStack().isEmpty()) {
            assertEquals("[secret]", database.inputs().get("masterPassword"));
        }
    }

    private static StackSettings withSecrets(String stack, int phase) {
        return StackHarness.settings(
                stack,
                StackHarness.changes(
                        "phase",
                        String.valueOf(phase),
                        "dbMasterPassword",
                        DB_PASSWORD,
                        "keycloakAdminPassword",
                        ADMIN_PASSWORD,
                        "redisAuthToken",
                        REDIS_TOKEN));
    }

    private static String around(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
    }
}
