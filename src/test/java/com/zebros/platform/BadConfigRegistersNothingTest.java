package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.offline.PlanMocks;
import com.zebros.platform.support.StackHarness;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
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
        var result = PulumiTest.withOptions(TestOptions.builder().projectName("zebros").stackName("dev").build())
                .withMocks(mocks).runTest(App::deploy);
        assertFalse(result.exceptions().isEmpty(), "the run must fail");
        String message = result.exceptions().get(0).getMessage();
        assertTrue(message.contains("zebros:region") && message.contains("zebros:dbMasterPassword"), message);
        assertEquals(0, mocks.registrations().stream().filter(r -> r.type().startsWith("aws:")).count(),
                "not one AWS resource may be registered from bad config");
    }

    @Test
    void aMissingLambdaArtifactNamesTheBuildCommand() {
        var settings = StackHarness.settings("dev", StackHarness.changes("functionsArtifact", "no/such/artifact.jar"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> App.requireArtifact(settings));
        assertTrue(e.getMessage().contains("mvn -q -f functions/pom.xml package"), e.getMessage());
    }

    @Test
    void theOfflinePlanNeedsNoLambdaArtifact() {
        // The dev stack's artifact path does not exist in a clean clone; planning must not care.
        assertTrue(StackHarness.plan("dev").plan().cloudResourceCount() > 100);
    }
}
