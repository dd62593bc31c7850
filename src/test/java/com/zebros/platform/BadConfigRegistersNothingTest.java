package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlanMocks;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deploy entry point validates before the first resource: bad config registers nothing. */
class BadConfigRegistersNothingTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void aStackWithNoConfigFailsWithEveryProblemAndRegistersNoResource() {
        var mocks = new PlanMocks("us-east-1", Map.of());
        var result = PulumiTest.withOptions(TestOptions.builder()
                        .projectName("zebros")
                        .stackName("dev")
                        .build())
                .withMocks(mocks)
                .runTest(App::deploy);
        assertFalse(result.exceptions().isEmpty(), "the run must fail");
        String message = result.exceptions().get(0).getMessage();
        assertTrue(message.contains("zebros:region") && message.contains("zebros:dbMasterPassword"), message);
        assertEquals(
                0,
                mocks.registrations().stream()
                        .filter(r -> r.type().startsWith("aws:"))
                        .count(),
                "not one AWS resource may be registered from bad config");
    }

    /**
     * Under the real runner a config error must print as the program's message. The Java SDK logs a
     * RunException's message alone and anything else as "failed with an unhandled exception" with the
     * command line and a stack trace (pulumi-java DeploymentImpl.handleExceptionAsync).
     */
    @Test
    void aConfigErrorReachesTheEngineAsThePlainMessage() {
        var result = PulumiTest.withOptions(TestOptions.builder()
                        .projectName("zebros")
                        .stackName("dev")
                        .build())
                .withMocks(new PlanMocks("us-east-1", Map.of()))
                .runTest(App::deploy);
        String logged = String.join("\n", result.errors());
        assertTrue(
                logged.startsWith("Stack 'dev' has ")
                        && logged.contains("pulumi config set --secret zebros:dbMasterPassword"),
                logged);
        assertFalse(logged.contains("unhandled exception") || logged.contains("\tat "), "a crash banner: " + logged);
    }

    /** The engine says which config keys the stack file holds encrypted; a plain-text secret is refused. */
    @Test
    void aSecretTheStackFileHoldsInPlainTextIsRefusedUnderTheEngine() {
        Map<String, String> config = Map.of(
                "zebros:region",
                "us-east-1",
                "zebros:domain",
                "dev.crm.zebros.example",
                "zebros:hostedZoneId",
                "Z0DEVZEBROSEXAMPLE01",
                "zebros:dbMasterPassword",
                "Plain-text-password-1",
                "zebros:keycloakAdminPassword",
                "Encrypted-admin-password-1",
                "zebros:phase",
                "2",
                "zebros:redisAuthToken",
                "Plain-text-redis-token-1");
        var result = com.pulumi.test.internal.PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .projectName("zebros")
                        .stackName("dev")
                        .build())
                .mocks(new PlanMocks("us-east-1", Map.of()))
                .config(config, java.util.Set.of("zebros:keycloakAdminPassword"))
                .build()
                .runTest(App::deploy);
        String message = result.exceptions().get(0).getMessage();
        assertTrue(
                message.contains("zebros:dbMasterPassword: found a value in plain text")
                        && message.contains("zebros:redisAuthToken: found a value in plain text"),
                message);
        assertFalse(message.contains("zebros:keycloakAdminPassword"), message);
    }

    @Test
    void aMissingLambdaArtifactNamesTheBuildCommand() {
        var settings = StackHarness.settings("dev", StackHarness.changes("functionsArtifact", "no/such/artifact.jar"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                com.pulumi.exceptions.RunException.class, () -> App.requireArtifact(settings));
        assertTrue(e.getMessage().contains("mvn -q -f functions/pom.xml package"), e.getMessage());
    }

    @Test
    void theOfflinePlanNeedsNoLambdaArtifact() {
        // The dev stack's artifact path does not exist in a clean clone; planning must not care.
        assertTrue(StackHarness.plan("dev").plan().cloudResourceCount() > 100);
    }
}
