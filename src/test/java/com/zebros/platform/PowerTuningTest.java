package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.edge.ApiRoutes;
import com.zebros.platform.ops.PowerTuning;
import com.zebros.platform.ops.PowerTuningRun;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lambda Power Tuning from phase 2, scoped to the stack's functions, and the per-group run it is used with. */
class PowerTuningTest {

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void theApplicationArrivesInPhaseTwoMayTouchOnlyThisStacksFunctionsAndExportsItsStateMachine(int phase) {
        var plan = StackHarness.plan("dev", phase);
        String type = "aws:serverlessrepository/cloudFormationStack:CloudFormationStack";
        assertEquals(phase >= 2, plan.has(type, "power-tuning"));
        if (phase < 2) {
            return;
        }
        var inputs = plan.inputs(type, "power-tuning");
        assertEquals(PowerTuning.APPLICATION_ID, inputs.get("applicationId"));
        assertEquals("4.3.6", inputs.get("semanticVersion"), "pinned: no unreviewed release with a pulumi up");
        assertEquals(java.util.List.of("CAPABILITY_IAM"), inputs.get("capabilities"));
        Map<?, ?> parameters = (Map<?, ?>) inputs.get("parameters");
        assertEquals(
                "arn:aws:lambda:us-east-1:123456789012:function:zebros-dev-*",
                parameters.get("lambdaResource"),
                "its IAM policies reach this stack's functions only");
        assertEquals(phase == 2 ? "90" : "365", parameters.get("logGroupRetentionInDays"), "the phase's retention");
        assertTrue(plan.plan().outputs().containsKey("powerTuningStateMachineArn"));
    }

    @Test
    void anOverrideLeavesItOut() {
        StackSettings settings =
                StackHarness.settings("dev", StackHarness.changes("phase", "2", "overrides", "[\"powerTuning=0\"]"));
        assertFalse(StackHarness.plan(settings)
                .has("aws:serverlessrepository/cloudFormationStack:CloudFormationStack", "power-tuning"));
    }

    @Test
    void everyGroupIsTunedOnAReadOnlyPayloadOfItsOwn() throws Exception {
        StackSettings settings = StackHarness.settings("prod-us", StackHarness.changes("phase", "2"));
        for (FunctionGroup group : FunctionGroup.values()) {
            JsonObject input = JsonParser.parseString(
                            PowerTuningRun.input(settings, group).replace("${account}", "123456789012"))
                    .getAsJsonObject();
            assertEquals(
                    "arn:aws:lambda:us-east-1:123456789012:function:zebros-prod-us-" + group.id(),
                    input.get("lambdaARN").getAsString());
            assertTrue(input.get("num").getAsInt() >= 5, "the application needs at least 5 invocations per value");
            JsonObject payload = input.getAsJsonObject("payload");
            if (group.kind() == FunctionGroup.Kind.API && group != FunctionGroup.AUTHORIZER
                    || group.kind() == FunctionGroup.Kind.PROCESSING) {
                assertEquals("GET", payload.get("httpMethod").getAsString(), group + " reads, never writes");
                String path = payload.get("path").getAsString();
                assertTrue(
                        ApiRoutes.ROUTES.stream()
                                .anyMatch(r -> r.group() == group
                                        && path.matches(r.path().replaceAll("\\{[^}]+}", "[^/]+"))),
                        path + " is a route of " + group + "'s own function");
                assertEquals(
                        PowerTuningRun.TENANT,
                        payload.getAsJsonObject("requestContext")
                                .getAsJsonObject("authorizer")
                                .get("tenantId")
                                .getAsString());
            }
        }
        JsonObject authorizer = JsonParser.parseString(PowerTuningRun.input(settings, FunctionGroup.AUTHORIZER))
                .getAsJsonObject()
                .getAsJsonObject("payload");
        assertEquals("TOKEN", authorizer.get("type").getAsString());
    }

    @Test
    void theCommandsParseInBashAndCarryTheAnswerIntoTheOverrides() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Cli(
                        Path.of("."),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        StackHarness.CLI_PLANNER)
                .run("power-tuning", "--stack", "prod-us", "--group", "reporting", "--phase", "2");
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        String script = out.toString(StandardCharsets.UTF_8);
        assertTrue(script.contains("pulumi stack output powerTuningStateMachineArn -s prod-us"), script);
        assertTrue(script.contains("\"lambdaMemoryMb.reporting=$power\""), script);
        Process bash =
                new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        String syntax = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), "bash -n: " + syntax);

        err.reset();
        assertEquals(
                Cli.BAD_INPUT,
                new Cli(
                                Path.of("."),
                                new PrintStream(out),
                                new PrintStream(err, true, StandardCharsets.UTF_8),
                                StackHarness.CLI_PLANNER)
                        .run("power-tuning", "--stack", "prod-us", "--group", "billing", "--phase", "2"));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("one of customers, contacts"),
                err.toString(StandardCharsets.UTF_8));
    }
}
