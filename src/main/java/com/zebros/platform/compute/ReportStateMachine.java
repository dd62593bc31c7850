package com.zebros.platform.compute;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Amazon States Language of a job workflow: run the worker on Fargate and wait for it
 * ({@code ecs:runTask.sync}), retry what is transient, and record any failure on the job item so
 * the API can tell the user. Pure data: unit-tested for its structure.
 */
public final class ReportStateMachine {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    /** Where a workflow runs its task; all values are resolved ARNs and ids. */
    public record Target(String clusterArn, String taskDefinitionArn, String containerName,
                         List<String> subnets, List<String> securityGroups, String jobsTable,
                         boolean spot) {
    }

    private ReportStateMachine() {
    }

    public static String definition(String comment, Target target) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("Type", "Task");
        run.put("Resource", "arn:aws:states:::ecs:runTask.sync");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Cluster", target.clusterArn());
        parameters.put("TaskDefinition", target.taskDefinitionArn());
        if (target.spot()) {
            // A capacity provider strategy and a launch type exclude each other (ECS-02).
            parameters.put("CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1)));
        } else {
            parameters.put("LaunchType", "FARGATE");
        }
        parameters.put("PlatformVersion", "1.4.0");
        parameters.put("NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of(
                "Subnets", target.subnets(),
                "SecurityGroups", target.securityGroups(),
                "AssignPublicIp", "DISABLED")));
        parameters.put("Overrides", Map.of("ContainerOverrides", List.of(Map.of(
                "Name", target.containerName(),
                "Environment", List.of(Map.of("Name", "JOB", "Value.$", "States.JsonToString($)"))))));
        run.put("Parameters", parameters);
        run.put("ResultPath", "$.task");
        // RunTask reports capacity shortages as failures (SFN-02); retry them with back-off.
        run.put("Retry", List.of(
                Map.of("ErrorEquals", List.of("ECS.AmazonECSException", "ECS.ServerException",
                                "ECS.ThrottlingException", "AmazonECS.Unknown"),
                        "IntervalSeconds", 10, "MaxAttempts", 4, "BackoffRate", 2.0),
                Map.of("ErrorEquals", List.of("States.TaskFailed"),
                        "IntervalSeconds", 30, "MaxAttempts", 1, "BackoffRate", 1.0)));
        run.put("Catch", List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error",
                "Next", "RecordFailure")));
        run.put("Next", "Done");

        Map<String, Object> recordFailure = new LinkedHashMap<>();
        recordFailure.put("Type", "Task");
        recordFailure.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        recordFailure.put("Parameters", Map.of(
                "TableName", target.jobsTable(),
                "Key", Map.of("tenantId", Map.of("S.$", "$.tenantId"), "jobId", Map.of("S.$", "$.jobId")),
                "UpdateExpression", "SET #status = :failed, failure = :failure",
                "ExpressionAttributeNames", Map.of("#status", "status"),
                "ExpressionAttributeValues", Map.of(":failed", Map.of("S", "FAILED"),
                        ":failure", Map.of("S.$", "States.JsonToString($.error)"))));
        recordFailure.put("Retry", List.of(Map.of("ErrorEquals", List.of("States.ALL"),
                "IntervalSeconds", 2, "MaxAttempts", 3, "BackoffRate", 2.0)));
        recordFailure.put("ResultPath", null);
        recordFailure.put("Next", "Failed");

        Map<String, Object> states = new LinkedHashMap<>();
        states.put("RunWorker", run);
        states.put("RecordFailure", recordFailure);
        states.put("Failed", Map.of("Type", "Fail", "Error", "JobFailed", "Cause", "the worker failed; see the job's failure"));
        states.put("Done", Map.of("Type", "Succeed"));

        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("Comment", comment);
        definition.put("StartAt", "RunWorker");
        definition.put("TimeoutSeconds", 3600);
        definition.put("States", states);
        return GSON.newBuilder().serializeNulls().create().toJson(definition);
    }
}
