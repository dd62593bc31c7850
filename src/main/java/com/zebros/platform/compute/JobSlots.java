package com.zebros.platform.compute;

import com.zebros.platform.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counting semaphore per kind of job, so jobs that run one Fargate task each cannot start tasks without
 * bound: before its task a job takes a slot (its execution's name as a key in the kind's {@code holders}
 * map, on a jobs-table item of the reserved tenant {@value #TENANT}), waits while the kind holds
 * {@code limit} slots, and gives its slot back when the task ends, however it ends. An execution that is
 * stopped or times out gives nothing back itself; an EventBridge rule hands its status change to the
 * release workflow ({@link #releaseDefinition}), which removes its key. Removing a key twice is harmless.
 * The shape follows AWS's pattern for concurrency control with Step Functions and DynamoDB:
 * https://aws.amazon.com/blogs/compute/controlling-concurrency-in-distributed-systems-using-aws-step-functions/
 */
final class JobSlots {
    /** The partition the slots live in: no tenant id can start with '#' (the API's id rule). */
    static final String TENANT = "#slots";
    /** How long a job waits between tries for a slot, and how many tries fit in the execution's hour. */
    static final int WAIT_SECONDS = 20;
    static final int TRIES = 175;

    private JobSlots() {
    }

    /** Makes sure the kind's item has its holders map: a key cannot be set inside a map that is not there. */
    static Map<String, Object> open(String table, String kind, String next) {
        Map<String, Object> parameters = update(table, kind, "SET holders = if_not_exists(holders, :none)");
        parameters.put("ExpressionAttributeValues", Map.of(":none", Map.of("M", Map.of())));
        return task(parameters, next, "RecordFailure");
    }

    /** Takes a slot while fewer than {@code limit} are held (or this execution holds one already, on a retry). */
    static Map<String, Object> acquire(String table, String kind, int limit, String next) {
        Map<String, Object> parameters = update(table, kind, "SET holders.#execution = :since");
        parameters.put("ConditionExpression", "size(holders) < :limit OR attribute_exists(holders.#execution)");
        parameters.put("ExpressionAttributeNames", Map.of("#execution.$", "$$.Execution.Name"));
        parameters.put("ExpressionAttributeValues", Map.of(":since", Map.of("S.$", "$$.State.EnteredTime"),
                ":limit", Map.of("N", String.valueOf(limit))));
        Map<String, Object> state = task(parameters, next, "RecordFailure");
        state.put("Retry", List.of(
                Map.of("ErrorEquals", List.of("DynamoDB.ConditionalCheckFailedException"), "IntervalSeconds", WAIT_SECONDS,
                        "MaxAttempts", TRIES, "BackoffRate", 1.0),
                Map.of("ErrorEquals", List.of("States.ALL"), "IntervalSeconds", 2, "MaxAttempts", 3, "BackoffRate", 2.0)));
        return state;
    }

    /** Gives the slot back; a failure to do so does not fail the job (the release workflow is the backstop). */
    static Map<String, Object> release(String table, String kind, String next) {
        Map<String, Object> parameters = update(table, kind, "REMOVE holders.#execution");
        parameters.put("ExpressionAttributeNames", Map.of("#execution.$", "$$.Execution.Name"));
        Map<String, Object> state = task(parameters, next, next);
        state.put("Retry", List.of(Map.of("ErrorEquals", List.of("States.ALL"), "IntervalSeconds", 2, "MaxAttempts", 3,
                "BackoffRate", 2.0)));
        return state;
    }

    /**
     * The release workflow: the input is EventBridge's "Step Functions Execution Status Change" event of a job
     * execution that ended without giving its slot back; its input names the kind, its name the key.
     */
    static String releaseDefinition(String table) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("Type", "Pass");
        read.put("Parameters", Map.of("execution.$", "$.detail.name", "job.$", "States.StringToJson($.detail.input)"));
        read.put("Next", "Release");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("TableName", table);
        parameters.put("Key", Map.of("tenantId", Map.of("S", TENANT), "jobId", Map.of("S.$", "$.job.kind")));
        parameters.put("UpdateExpression", "REMOVE holders.#execution");
        parameters.put("ConditionExpression", "attribute_exists(holders.#execution)");
        parameters.put("ExpressionAttributeNames", Map.of("#execution.$", "$.execution"));
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("Type", "Task");
        release.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        release.put("Parameters", parameters);
        release.put("Retry", List.of(Map.of("ErrorEquals", List.of("DynamoDB.ProvisionedThroughputExceededException",
                "DynamoDB.InternalServerErrorException"), "IntervalSeconds", 2, "MaxAttempts", 5, "BackoffRate", 2.0)));
        // Not held (a pooled kind, or released already): nothing to do.
        release.put("Catch", List.of(Map.of("ErrorEquals", List.of("DynamoDB.ConditionalCheckFailedException"),
                "Next", "Released")));
        release.put("Next", "Released");
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("ReadJob", read);
        states.put("Release", release);
        states.put("Released", Map.of("Type", "Succeed"));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("Comment", "Gives back the job slot of a job execution that was stopped, timed out or failed");
        definition.put("StartAt", "ReadJob");
        definition.put("States", states);
        return CanonicalJson.writePretty(definition);
    }

    private static Map<String, Object> update(String table, String kind, String expression) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("TableName", table);
        parameters.put("Key", Map.of("tenantId", Map.of("S", TENANT), "jobId", Map.of("S", kind)));
        parameters.put("UpdateExpression", expression);
        return parameters;
    }

    private static Map<String, Object> task(Map<String, Object> parameters, String next, String onError) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        state.put("Parameters", parameters);
        state.put("ResultPath", null);
        state.put("Catch", List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.slotError", "Next", onError)));
        state.put("Next", next);
        return state;
    }
}
