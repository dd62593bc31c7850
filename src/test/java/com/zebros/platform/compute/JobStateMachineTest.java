package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.config.WorkerKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobStateMachineTest {
    private static final JobStateMachine.Network NETWORK =
            new JobStateMachine.Network("arn:cluster", List.of("subnet-1"), List.of("sg-1"));

    private static JsonObject states(Map<WorkerKind, JobStateMachine.Runner> runners) {
        return JsonParser.parseString(JobStateMachine.definition(NETWORK, runners, "jobs", 3, "us-east-1"))
                .getAsJsonObject()
                .getAsJsonObject("States");
    }

    private static Map<WorkerKind, JobStateMachine.Runner> allRunTask(boolean spotReports) {
        Map<WorkerKind, JobStateMachine.Runner> runners = new LinkedHashMap<>();
        for (WorkerKind kind : WorkerKind.values()) {
            runners.put(
                    kind,
                    new JobStateMachine.RunTask(
                            "arn:task/" + kind.image() + ":1", kind.image(), spotReports && kind == WorkerKind.REPORT));
        }
        return runners;
    }

    @Test
    void theChoiceRoutesEachKindToItsOwnTaskDefinition() {
        var states = states(allRunTask(false));
        var choices = states.getAsJsonObject("ChooseWorker").getAsJsonArray("Choices");
        assertEquals(4, choices.size());
        for (var c : choices) {
            String kind = c.getAsJsonObject().get("StringEquals").getAsString();
            String acquire = c.getAsJsonObject().get("Next").getAsString();
            String next = states.getAsJsonObject(acquire).get("Next").getAsString();
            assertTrue(
                    states.getAsJsonObject(next)
                            .getAsJsonObject("Parameters")
                            .get("TaskDefinition")
                            .getAsString()
                            .contains(kind + "-worker"),
                    kind + " goes to its own task definition");
        }
        assertEquals(
                "UnknownKind",
                states.getAsJsonObject("ChooseWorker").get("Default").getAsString());
        assertEquals(
                "RecordFailure",
                states.getAsJsonObject("UnknownKind").get("Next").getAsString(),
                "a job of an unknown kind is recorded as failed, not lost");
    }

    @Test
    void theWorkerGetsItsJobAsJsonInTheJobVariable() {
        var env = states(allRunTask(false))
                .getAsJsonObject("RunReport")
                .getAsJsonObject("Parameters")
                .getAsJsonObject("Overrides")
                .getAsJsonArray("ContainerOverrides")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("Environment")
                .get(0)
                .getAsJsonObject();
        assertEquals("JOB", env.get("Name").getAsString());
        assertEquals("States.JsonToString($)", env.get("Value.$").getAsString());
    }

    @Test
    void everyFailureEndsOnTheJobItemAndInAFailState() {
        var states = states(allRunTask(false));
        var recordFailure = states.getAsJsonObject("RecordFailure");
        assertEquals(
                "arn:aws:states:::dynamodb:updateItem",
                recordFailure.get("Resource").getAsString());
        assertEquals("Failed", recordFailure.get("Next").getAsString());
        String update = recordFailure
                .getAsJsonObject("Parameters")
                .get("UpdateExpression")
                .getAsString();
        assertTrue(
                update.contains("failure = if_not_exists(failure, :failure)"),
                "the reason the worker left on the job is kept: " + update);
        assertTrue(update.contains("ADD #version :one"), "the job's version moves on like every other write");
        assertEquals("Fail", states.getAsJsonObject("Failed").get("Type").getAsString());
        for (String kind : List.of("Report", "Import", "Export", "Analytics")) {
            String afterFailure = states.getAsJsonObject("Run" + kind)
                    .getAsJsonArray("Catch")
                    .get(0)
                    .getAsJsonObject()
                    .get("Next")
                    .getAsString();
            assertEquals("Release" + kind + "SlotAfterFailure", afterFailure, "a failed job gives its slot back first");
            var release = states.getAsJsonObject(afterFailure);
            assertEquals("RecordFailure", release.get("Next").getAsString());
            var releaseCatch = release.getAsJsonArray("Catch").get(0).getAsJsonObject();
            assertEquals(
                    "RecordFailure",
                    releaseCatch.get("Next").getAsString(),
                    "a release that fails still records the job's failure");
            assertEquals(
                    "$.releaseError",
                    releaseCatch.get("ResultPath").getAsString(),
                    "the release keeps the state's $.error for RecordFailure");
            assertTrue(release.get("ResultPath").isJsonNull());
        }
    }

    @Test
    void aOneTaskPerJobKindWaitsForOneOfItsSlotsAndGivesItBack() {
        var states = states(allRunTask(false));
        var acquire = states.getAsJsonObject("AcquireExportSlot");
        var parameters = acquire.getAsJsonObject("Parameters");
        assertEquals(
                "{\"jobId\":{\"S\":\"export@us-east-1\"},\"tenantId\":{\"S\":\"#slots\"}}",
                parameters.get("Key").toString(),
                "each region counts its own jobs");
        assertEquals(
                "3",
                parameters
                        .getAsJsonObject("ExpressionAttributeValues")
                        .getAsJsonObject(":limit")
                        .get("N")
                        .getAsString());
        var waitForSlot = acquire.getAsJsonArray("Retry").get(0).getAsJsonObject();
        assertEquals(
                "[\"DynamoDB.ConditionalCheckFailedException\"]",
                waitForSlot.get("ErrorEquals").toString());
        int waited = waitForSlot.get("IntervalSeconds").getAsInt()
                * waitForSlot.get("MaxAttempts").getAsInt();
        assertTrue(waited < 3600, "a job waits for a slot less than the execution's hour: " + waited);
        assertEquals("RunExport", acquire.get("Next").getAsString());
        assertEquals(
                "ReleaseExportSlot",
                states.getAsJsonObject("RunExport").get("Next").getAsString());
        assertEquals(
                "Done", states.getAsJsonObject("ReleaseExportSlot").get("Next").getAsString());
        assertEquals(
                "SlotNotReleased",
                states.getAsJsonObject("ReleaseExportSlot")
                        .getAsJsonArray("Catch")
                        .get(0)
                        .getAsJsonObject()
                        .get("Next")
                        .getAsString(),
                "a slot not given back fails the execution visibly");
        assertEquals(
                "Fail", states.getAsJsonObject("SlotNotReleased").get("Type").getAsString());

        Map<WorkerKind, JobStateMachine.Runner> pooled = allRunTask(false);
        pooled.put(WorkerKind.REPORT, new JobStateMachine.SendToPool("https://sqs/report-work"));
        var withPool = states(pooled);
        assertFalse(withPool.has("AcquireReportSlot"), "the pool's ceiling bounds pooled reports");
        assertTrue(withPool.has("AcquireImportSlot"));
    }

    @Test
    void spotRunsUseACapacityProviderStrategyAndNoLaunchType() {
        var states = states(allRunTask(true));
        var report = states.getAsJsonObject("RunReport").getAsJsonObject("Parameters");
        assertFalse(
                report.has("LaunchType"),
                "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html: strategy and launch type exclude each other");
        assertTrue(report.has("CapacityProviderStrategy"));
        assertEquals(
                "FARGATE",
                states.getAsJsonObject("RunImport")
                        .getAsJsonObject("Parameters")
                        .get("LaunchType")
                        .getAsString());
    }

    @Test
    void aPooledKindWaitsForTheWorkersAnswerWithATaskToken() {
        var runners = allRunTask(false);
        runners.put(WorkerKind.REPORT, new JobStateMachine.SendToPool("https://sqs/report-work"));
        var run = states(runners).getAsJsonObject("RunReport");
        assertEquals(
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                run.get("Resource").getAsString());
        assertEquals(
                "$$.Task.Token",
                run.getAsJsonObject("Parameters")
                        .getAsJsonObject("MessageBody")
                        .get("taskToken.$")
                        .getAsString());
        assertTrue(run.has("HeartbeatSeconds"), "a dead worker must not hold the job for an hour");
    }
}
