package com.zebros.platform.compute;

import com.zebros.platform.CanonicalJson;
import com.zebros.platform.config.WorkerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Amazon States Language of the job workflow. A Choice on {@code $.kind} picks the worker: each
 * kind either runs its own task definition on Fargate and waits for it ({@code ecs:runTask.sync}),
 * or, where the phase keeps a pool of workers, hands the job to the pool's queue with a task token
 * and waits for the worker's answer. A one-task-per-job kind first takes one of its kind's slots
 * (JobSlots) and gives it back when the task ends, so a burst of jobs waits instead of starting tasks
 * without bound. Transient failures are retried; every failure is recorded on the job item so the API
 * can tell the user. Pure data, unit-tested for its structure.
 */
public final class JobStateMachine {

    /** Where every job runs: ARNs and ids, resolved. */
    public record Network(String clusterArn, List<String> subnets, List<String> securityGroups) {}

    /** How one kind of job runs. */
    public sealed interface Runner permits RunTask, SendToPool {}

    /** One Fargate task per job. */
    public record RunTask(String taskDefinitionArn, String containerName, boolean spot) implements Runner {}

    /** A message with a task token on the pool's queue; the worker answers SendTaskSuccess or Failure. */
    public record SendToPool(String queueUrl) implements Runner {}

    private JobStateMachine() {}

    /**
     * @param slotsPerKind how many one-task-per-job jobs of a kind may run at once (JobSlots); pooled kinds are
     *                     bounded by their pool's ceiling instead
     */
    public static String definition(
            Network network, Map<WorkerKind, Runner> runners, String jobsTable, int slotsPerKind, String region) {
        Map<String, Object> states = new LinkedHashMap<>();
        List<Map<String, Object>> choices = new ArrayList<>();
        runners.forEach((kind, runner) -> {
            String name = capitalized(kind.id());
            String run = "Run" + name;
            if (runner instanceof RunTask task) {
                String acquire = "Acquire" + name + "Slot";
                String slot = JobSlots.slotKey(kind.id(), region);
                choices.add(Map.of("Variable", "$.kind", "StringEquals", kind.id(), "Next", acquire));
                states.put(
                        acquire,
                        JobSlots.acquire(jobsTable, slot, slotsPerKind, run, "No" + name + "Slot", "RecordFailure"));
                states.put("No" + name + "Slot", JobSlots.noSlot(kind.id(), slotsPerKind, "RecordFailure"));
                states.put(
                        run, runTask(network, task, "Release" + name + "Slot", "Release" + name + "SlotAfterFailure"));
                // A slot not given back after the job succeeded fails the execution, visibly: the job stays done, and
                // the execution's FAILED status starts the backstop that gives the slot back.
                states.put("Release" + name + "Slot", JobSlots.release(jobsTable, slot, "Done", "SlotNotReleased"));
                states.put(
                        "Release" + name + "SlotAfterFailure",
                        JobSlots.release(jobsTable, slot, "RecordFailure", "RecordFailure"));
            } else {
                // A pooled kind takes no slot (the pool's ceiling bounds it) but is tracked among its kind's holders,
                // so the audit sees it too.
                String track = "Track" + name;
                String slot = JobSlots.slotKey(kind.id(), region);
                choices.add(Map.of("Variable", "$.kind", "StringEquals", kind.id(), "Next", track));
                states.put(track, JobSlots.track(jobsTable, slot, run, "RecordFailure"));
                states.put(run, sendToPool((SendToPool) runner, "Untrack" + name, "Untrack" + name + "AfterFailure"));
                states.put("Untrack" + name, JobSlots.release(jobsTable, slot, "Done", "SlotNotReleased"));
                states.put(
                        "Untrack" + name + "AfterFailure",
                        JobSlots.release(jobsTable, slot, "RecordFailure", "RecordFailure"));
            }
        });
        Map<String, Object> choose = new LinkedHashMap<>();
        choose.put("Type", "Choice");
        choose.put("Choices", choices);
        choose.put("Default", "UnknownKind");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("ChooseWorker", choose);
        ordered.putAll(states);
        ordered.put(
                "UnknownKind",
                Map.of(
                        "Type",
                        "Pass",
                        "Result",
                        Map.of("Error", "UnknownKind", "Cause", "the job's kind names no worker"),
                        "ResultPath",
                        "$.error",
                        "Next",
                        "RecordFailure"));
        ordered.put("RecordFailure", recordFailure(jobsTable));
        ordered.put(
                "Failed",
                Map.of("Type", "Fail", "Error", "JobFailed", "Cause", "the worker failed; see the job's failure"));
        ordered.put(
                "SlotNotReleased",
                Map.of(
                        "Type",
                        "Fail",
                        "Error",
                        "SlotNotReleased",
                        "Cause",
                        "the job is done but its slot could not be given back; the backstop gives it back"));
        ordered.put("Done", Map.of("Type", "Succeed"));

        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("Comment", "Zebros CRM jobs: run the job's worker, record failures on the job");
        definition.put("StartAt", "ChooseWorker");
        definition.put("TimeoutSeconds", 3600);
        definition.put("States", ordered);
        return CanonicalJson.writePretty(definition);
    }

    private static Map<String, Object> runTask(Network network, RunTask task, String next, String onFailure) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Cluster", network.clusterArn());
        parameters.put("TaskDefinition", task.taskDefinitionArn());
        if (task.spot()) {
            // A capacity provider strategy and a launch type exclude each other
            // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html).
            parameters.put(
                    "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1)));
        } else {
            parameters.put("LaunchType", "FARGATE");
        }
        parameters.put("PlatformVersion", "1.4.0");
        parameters.put(
                "NetworkConfiguration",
                Map.of(
                        "AwsvpcConfiguration",
                        Map.of(
                                "Subnets",
                                network.subnets(),
                                "SecurityGroups",
                                network.securityGroups(),
                                "AssignPublicIp",
                                "DISABLED")));
        parameters.put(
                "Overrides",
                Map.of(
                        "ContainerOverrides",
                        List.of(Map.of(
                                "Name", task.containerName(),
                                "Environment", List.of(Map.of("Name", "JOB", "Value.$", "States.JsonToString($)"))))));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::ecs:runTask.sync");
        state.put("Parameters", parameters);
        state.put("ResultPath", "$.task");
        // RunTask reports capacity shortages (Spot included) as failures
        // (https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html); retry with back-off.
        state.put(
                "Retry",
                List.of(
                        Map.of(
                                "ErrorEquals",
                                List.of(
                                        "ECS.AmazonECSException",
                                        "ECS.ServerException",
                                        "ECS.ThrottlingException",
                                        "AmazonECS.Unknown"),
                                "IntervalSeconds",
                                10,
                                "MaxAttempts",
                                4,
                                "BackoffRate",
                                2.0),
                        Map.of(
                                "ErrorEquals",
                                List.of("States.TaskFailed"),
                                "IntervalSeconds",
                                30,
                                "MaxAttempts",
                                1,
                                "BackoffRate",
                                1.0)));
        state.put(
                "Catch",
                List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error", "Next", onFailure)));
        state.put("Next", next);
        return state;
    }

    private static Map<String, Object> sendToPool(SendToPool pool, String next, String onFailure) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::sqs:sendMessage.waitForTaskToken");
        state.put(
                "Parameters",
                Map.of(
                        "QueueUrl",
                        pool.queueUrl(),
                        "MessageBody",
                        Map.of("job.$", "$", "taskToken.$", "$$.Task.Token")));
        state.put("ResultPath", "$.result");
        // A worker that dies mid-job stops heartbeating; the job fails over to a retry.
        state.put("HeartbeatSeconds", 300);
        state.put("TimeoutSeconds", 3600);
        state.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of("States.Timeout", "SQS.SdkClientException"),
                        "IntervalSeconds",
                        30,
                        "MaxAttempts",
                        2,
                        "BackoffRate",
                        2.0)));
        state.put(
                "Catch",
                List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error", "Next", onFailure)));
        state.put("Next", next);
        return state;
    }

    private static Map<String, Object> recordFailure(String jobsTable) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        // The worker leaves its own reason on the job ("the file has no column name ..."); it is kept,
        // and the state's error is recorded only where the worker could not say (a lost task, a timeout).
        // The version moves on, as with every write of the API and the workers.
        state.put(
                "Parameters",
                Map.of(
                        "TableName",
                        jobsTable,
                        "Key",
                        Map.of("tenantId", Map.of("S.$", "$.tenantId"), "jobId", Map.of("S.$", "$.jobId")),
                        "UpdateExpression",
                        "SET #status = :failed, failure = if_not_exists(failure, :failure), updatedAt = :now"
                                + " ADD #version :one",
                        "ConditionExpression",
                        "#status <> :done",
                        "ExpressionAttributeNames",
                        Map.of("#status", "status", "#version", "version"),
                        "ExpressionAttributeValues",
                        Map.of(
                                ":failed",
                                Map.of("S", "FAILED"),
                                ":done",
                                Map.of("S", "DONE"),
                                ":failure",
                                Map.of("S.$", "States.JsonToString($.error)"),
                                ":now",
                                Map.of("S.$", "$$.State.EnteredTime"),
                                ":one",
                                Map.of("N", "1"))));
        state.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of(
                                "DynamoDB.ProvisionedThroughputExceededException",
                                "DynamoDB.ThrottlingException",
                                "DynamoDB.InternalServerErrorException",
                                "States.TaskFailed"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        3,
                        "BackoffRate",
                        2.0)));
        // A job that is DONE stays done; a record that cannot be written still ends the execution FAILED, and the
        // backstop marks the job.
        Map<String, Object> fallthrough = new LinkedHashMap<>();
        fallthrough.put("ErrorEquals", List.of("States.ALL"));
        fallthrough.put("ResultPath", "$.recordError");
        fallthrough.put("Next", "Failed");
        state.put("Catch", List.of(fallthrough));
        state.put("ResultPath", null);
        state.put("Next", "Failed");
        return state;
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
