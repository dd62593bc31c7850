package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportStateMachineTest {
    private static JsonObject definition(boolean spot) {
        return JsonParser.parseString(ReportStateMachine.definition("test", new ReportStateMachine.Target(
                "arn:cluster", "arn:task:1", "report-worker", List.of("subnet-1"), List.of("sg-1"), "jobs", spot)))
                .getAsJsonObject();
    }

    @Test
    void theWorkerGetsItsJobAsJsonInTheJobVariable() {
        var overrides = definition(false).getAsJsonObject("States").getAsJsonObject("RunWorker")
                .getAsJsonObject("Parameters").getAsJsonObject("Overrides");
        var env = overrides.getAsJsonArray("ContainerOverrides").get(0).getAsJsonObject().getAsJsonArray("Environment")
                .get(0).getAsJsonObject();
        assertEquals("JOB", env.get("Name").getAsString());
        assertEquals("States.JsonToString($)", env.get("Value.$").getAsString());
    }

    @Test
    void everyFailureEndsOnTheJobItemAndInAFailState() {
        var states = definition(false).getAsJsonObject("States");
        var recordFailure = states.getAsJsonObject("RecordFailure");
        assertEquals("arn:aws:states:::dynamodb:updateItem", recordFailure.get("Resource").getAsString());
        assertEquals("Failed", recordFailure.get("Next").getAsString());
        assertEquals("Fail", states.getAsJsonObject("Failed").get("Type").getAsString());
        assertEquals("RecordFailure", states.getAsJsonObject("RunWorker").getAsJsonArray("Catch").get(0)
                .getAsJsonObject().get("Next").getAsString());
    }

    @Test
    void spotRunsUseACapacityProviderStrategyAndNoLaunchType() {
        var parameters = definition(true).getAsJsonObject("States").getAsJsonObject("RunWorker").getAsJsonObject("Parameters");
        assertFalse(parameters.has("LaunchType"), "ECS-02: strategy and launch type exclude each other");
        assertTrue(parameters.has("CapacityProviderStrategy"));
        assertEquals("FARGATE", definition(false).getAsJsonObject("States").getAsJsonObject("RunWorker")
                .getAsJsonObject("Parameters").get("LaunchType").getAsString());
    }
}
