package com.zebros.platform.compute;

import com.zebros.platform.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counting semaphore per kind of job and region, so jobs that run one Fargate task each cannot start tasks without
 * bound: before its task a job takes a slot (its execution's name added to the string set {@code holders} of the
 * item {@code <kind>@<region>} of the reserved tenant {@value #TENANT}), waits while the set holds {@code limit}
 * names, and takes its name out when the task ends. The shape follows AWS's pattern for concurrency control with Step
 * Functions and DynamoDB
 * (https://aws.amazon.com/blogs/compute/controlling-concurrency-in-distributed-systems-using-aws-step-functions/).
 *
 * <p>Each region counts its own jobs: the jobs table is a global table written from both regions, and two regions
 * updating one item at once would keep the later write and drop the other's holder (last writer wins:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html), so the item is
 * per region. A slot never outlives its execution by long: a release that fails fails the execution, whose status
 * change starts the backstop ({@link #releaseDefinition}: the slot given back, the job marked FAILED if it was still
 * queued or running), and {@link #auditDefinition} runs every {@value #AUDIT_MINUTES} minutes and gives back every
 * slot whose execution is no longer running, which bounds what a lost event can cost. Taking a name out twice is
 * harmless.
 */
final class JobSlots {
    /** The partition the slots live in: no tenant id can start with '#' (the API's id rule). */
    static final String TENANT = "#slots";
    /** How long a job waits between tries for a slot, and how many tries fit in the execution's hour. */
    static final int WAIT_SECONDS = 20;

    static final int TRIES = 175;
    /** How often the audit gives back the slots of executions that ended: the longest a lost release costs. */
    static final int AUDIT_MINUTES = 15;

    static final String AUDIT_SCHEDULE = "rate(" + AUDIT_MINUTES + " minutes)";

    private JobSlots() {}

    /** The slot item's key of a kind in a region. */
    static String slotKey(String kind, String region) {
        return kind + "@" + region;
    }

    /**
     * Takes a slot while fewer than {@code limit} are held (or this execution holds one already, on a retry). Waiting
     * for one is a retry on the conditional check; when none frees within the hour, {@code noSlot} records why.
     */
    static Map<String, Object> acquire(
            String table, String slotKey, int limit, String next, String noSlot, String onError) {
        Map<String, Object> parameters = update(table, slotKey, "ADD holders :me");
        parameters.put(
                "ConditionExpression",
                "attribute_not_exists(holders) OR size(holders) < :limit OR contains(holders, :execution)");
        parameters.put(
                "ExpressionAttributeValues",
                Map.of(
                        ":me", Map.of("SS.$", "States.Array($$.Execution.Name)"),
                        ":execution", Map.of("S.$", "$$.Execution.Name"),
                        ":limit", Map.of("N", String.valueOf(limit))));
        Map<String, Object> state = task(parameters, next);
        state.put(
                "Retry",
                List.of(
                        Map.of(
                                "ErrorEquals",
                                List.of("DynamoDB.ConditionalCheckFailedException"),
                                "IntervalSeconds",
                                WAIT_SECONDS,
                                "MaxAttempts",
                                TRIES,
                                "BackoffRate",
                                1.0),
                        Map.of(
                                "ErrorEquals",
                                List.of("States.ALL"),
                                "IntervalSeconds",
                                2,
                                "MaxAttempts",
                                3,
                                "BackoffRate",
                                2.0)));
        state.put(
                "Catch",
                List.of(
                        Map.of(
                                "ErrorEquals",
                                List.of("DynamoDB.ConditionalCheckFailedException"),
                                "ResultPath",
                                "$.error",
                                "Next",
                                noSlot),
                        Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error", "Next", onError)));
        return state;
    }

    /**
     * Registers a job of a pooled kind among its kind's holders, with no limit (the pool's ceiling bounds the work):
     * the audit then sees every running job of every kind, and one that ended without a word is marked FAILED.
     */
    static Map<String, Object> track(String table, String slotKey, String next, String onError) {
        Map<String, Object> parameters = update(table, slotKey, "ADD holders :me");
        parameters.put("ExpressionAttributeValues", Map.of(":me", Map.of("SS.$", "States.Array($$.Execution.Name)")));
        Map<String, Object> state = task(parameters, next);
        state.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of("States.ALL"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        3,
                        "BackoffRate",
                        2.0)));
        state.put(
                "Catch",
                List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error", "Next", onError)));
        return state;
    }

    /** What a job that found no free slot records: a clearer reason than the last conditional check. */
    static Map<String, Object> noSlot(String kind, int limit, String next) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Pass");
        state.put(
                "Result",
                Map.of(
                        "Error",
                        "NoSlotAvailable",
                        "Cause",
                        "no " + kind + " slot of " + limit + " freed within the job's hour; try again later"));
        state.put("ResultPath", "$.error");
        state.put("Next", next);
        return state;
    }

    /**
     * Gives the slot back. A release that fails after its retries goes to {@code onError} with the failure in
     * {@code $.releaseError} (the job's own failure, if any, stays in {@code $.error}): the execution then fails, and
     * its status change starts the backstop.
     */
    static Map<String, Object> release(String table, String slotKey, String next, String onError) {
        Map<String, Object> parameters = update(table, slotKey, "DELETE holders :me");
        parameters.put("ExpressionAttributeValues", Map.of(":me", Map.of("SS.$", "States.Array($$.Execution.Name)")));
        Map<String, Object> state = task(parameters, next);
        state.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of("States.ALL"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        3,
                        "BackoffRate",
                        2.0)));
        state.put(
                "Catch",
                List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.releaseError", "Next", onError)));
        return state;
    }

    /**
     * The backstop: the input is EventBridge's "Step Functions Execution Status Change" event of a job execution that
     * ended ABORTED, TIMED_OUT or FAILED (https://docs.aws.amazon.com/step-functions/latest/dg/cw-events.html); its
     * input names the job and kind, its name the holder. It gives the slot back (nothing to do for a pooled kind, or
     * a slot given back already) and marks the job FAILED when it was still queued or running, so the user is told.
     */
    static String releaseDefinition(String table, String region) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("Type", "Pass");
        read.put(
                "Parameters",
                Map.of(
                        "execution.$",
                        "$.detail.name",
                        "status.$",
                        "$.detail.status",
                        "job.$",
                        "States.StringToJson($.detail.input)"));
        read.put("Next", "MarkJobFailed");
        // The job first, the slot last: should the job's write fail, the slot still names the execution, and the
        // audit finds it and does both.
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("ReadEvent", read);
        states.put(
                "MarkJobFailed",
                markJobFailed(
                        table,
                        "$.job",
                        "States.Format('the job execution ended {} " + "before it could record why', $.status)",
                        "ReleaseSlot"));
        states.put("ReleaseSlot", releaseHolder(table, region, "$.job.kind", "$.execution", "Done"));
        states.put("Done", Map.of("Type", "Succeed"));
        return machine(
                "Gives back the slot of a job execution that ended ABORTED, TIMED_OUT or FAILED, and marks its "
                        + "job FAILED if it was still queued or running",
                "ReadEvent",
                states);
    }

    /**
     * The audit: for each kind's slot item in this region, every holder whose execution is no longer running (or no
     * longer exists) is taken out and its job marked FAILED if still queued or running. It runs every
     * {@value #AUDIT_MINUTES} minutes, so a slot whose release and backstop both failed is free again within that.
     *
     * @param executionArnPrefix {@code arn:aws:states:<region>:<account>:execution:<job state machine name>:}
     */
    static String auditDefinition(String table, String region, List<String> kinds, String executionArnPrefix) {
        Map<String, Object> holderStates = new LinkedHashMap<>();
        Map<String, Object> describe = new LinkedHashMap<>();
        describe.put("Type", "Task");
        describe.put("Resource", "arn:aws:states:::aws-sdk:sfn:describeExecution");
        describe.put("Parameters", Map.of("ExecutionArn.$", "States.Format('{}{}', $.prefix, $.holder)"));
        describe.put("ResultSelector", Map.of("status.$", "$.Status", "job.$", "States.StringToJson($.Input)"));
        describe.put("ResultPath", "$.execution");
        describe.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of("Sfn.ThrottlingException", "Sfn.SfnException"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        3,
                        "BackoffRate",
                        2.0)));
        // An execution Step Functions no longer knows (history kept 90 days) holds nothing either.
        describe.put(
                "Catch",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of("Sfn.ExecutionDoesNotExistException"),
                        "ResultPath",
                        "$.missing",
                        "Next",
                        "ReleaseUnknownHolder")));
        describe.put("Next", "StillRunning");
        holderStates.put("DescribeHolder", describe);
        holderStates.put(
                "StillRunning",
                Map.of(
                        "Type",
                        "Choice",
                        "Choices",
                        List.of(Map.of("Variable", "$.execution.status", "StringEquals", "RUNNING", "Next", "Keep")),
                        "Default",
                        "MarkEndedJobFailed"));
        holderStates.put("Keep", Map.of("Type", "Succeed"));
        holderStates.put(
                "MarkEndedJobFailed",
                markJobFailed(
                        table,
                        "$.execution.job",
                        "States.Format('the job execution ended {} and the audit gave its slot back', $.execution.status)",
                        "ReleaseEndedHolder"));
        holderStates.put("ReleaseEndedHolder", releaseHolder(table, region, "$.kind", "$.holder", "Released"));
        holderStates.put("ReleaseUnknownHolder", releaseHolder(table, region, "$.kind", "$.holder", "Released"));
        holderStates.put("Released", Map.of("Type", "Succeed"));

        Map<String, Object> holders = new LinkedHashMap<>();
        holders.put("Type", "Map");
        holders.put("ItemsPath", "$.slot.Item.holders.SS");
        holders.put(
                "ItemSelector",
                Map.of("holder.$", "$$.Map.Item.Value", "kind.$", "$.kind", "prefix", executionArnPrefix));
        holders.put("MaxConcurrency", 10);
        holders.put("ItemProcessor", Map.of("StartAt", "DescribeHolder", "States", holderStates));
        holders.put("ResultPath", null);
        holders.put("End", true);

        Map<String, Object> read = new LinkedHashMap<>();
        read.put("Type", "Task");
        read.put("Resource", "arn:aws:states:::dynamodb:getItem");
        read.put(
                "Parameters",
                Map.of(
                        "TableName",
                        table,
                        "ConsistentRead",
                        true,
                        "Key",
                        Map.of(
                                "tenantId",
                                Map.of("S", TENANT),
                                "jobId",
                                Map.of("S.$", "States.Format('{}@" + region + "', $.kind)"))));
        read.put("ResultPath", "$.slot");
        read.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of("States.ALL"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        3,
                        "BackoffRate",
                        2.0)));
        read.put("Next", "AnyHolders");
        Map<String, Object> kindStates = new LinkedHashMap<>();
        kindStates.put("ReadSlots", read);
        kindStates.put(
                "AnyHolders",
                Map.of(
                        "Type",
                        "Choice",
                        "Choices",
                        List.of(Map.of(
                                "Variable", "$.slot.Item.holders.SS", "IsPresent", true, "Next", "AuditHolders")),
                        "Default",
                        "NoHolders"));
        kindStates.put("NoHolders", Map.of("Type", "Succeed"));
        kindStates.put("AuditHolders", holders);

        Map<String, Object> perKind = new LinkedHashMap<>();
        perKind.put("Type", "Map");
        perKind.put("ItemsPath", "$.kinds");
        perKind.put("ItemSelector", Map.of("kind.$", "$$.Map.Item.Value"));
        perKind.put("ItemProcessor", Map.of("StartAt", "ReadSlots", "States", kindStates));
        perKind.put("ResultPath", null);
        perKind.put("Next", "Audited");
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("Kinds", Map.of("Type", "Pass", "Result", Map.of("kinds", kinds), "Next", "EachKind"));
        states.put("EachKind", perKind);
        states.put("Audited", Map.of("Type", "Succeed"));
        return machine(
                "Every " + AUDIT_MINUTES + " minutes: gives back the job slots of executions that are no longer "
                        + "running",
                "Kinds",
                states);
    }

    /** Takes {@code holderPath} out of the slot item of the kind at {@code kindPath}; nothing to take is no error. */
    private static Map<String, Object> releaseHolder(
            String table, String region, String kindPath, String holderPath, String next) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("TableName", table);
        parameters.put(
                "Key",
                Map.of(
                        "tenantId",
                        Map.of("S", TENANT),
                        "jobId",
                        Map.of("S.$", "States.Format('{}@" + region + "', " + kindPath + ")")));
        parameters.put("UpdateExpression", "DELETE holders :me");
        parameters.put("ConditionExpression", "contains(holders, :execution)");
        parameters.put(
                "ExpressionAttributeValues",
                Map.of(
                        ":me",
                        Map.of("SS.$", "States.Array(" + holderPath + ")"),
                        ":execution",
                        Map.of("S.$", holderPath)));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        state.put("Parameters", parameters);
        state.put("ResultPath", null);
        state.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of(
                                "DynamoDB.ProvisionedThroughputExceededException",
                                "DynamoDB.ThrottlingException",
                                "DynamoDB.InternalServerErrorException"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        5,
                        "BackoffRate",
                        2.0)));
        // Not held (a pooled kind, or given back already): nothing to do.
        state.put("Catch", List.of(discarding("DynamoDB.ConditionalCheckFailedException", next)));
        state.put("Next", next);
        return state;
    }

    /** A catcher that goes on to {@code next} keeping the state's input as it was. */
    private static Map<String, Object> discarding(String error, String next) {
        Map<String, Object> catcher = new LinkedHashMap<>();
        catcher.put("ErrorEquals", List.of(error));
        catcher.put("ResultPath", null);
        catcher.put("Next", next);
        return catcher;
    }

    /** Marks the job at {@code jobPath} FAILED with {@code reason}, only if it is still QUEUED or RUNNING. */
    static Map<String, Object> markJobFailed(String table, String jobPath, String reason, String next) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("TableName", table);
        parameters.put(
                "Key",
                Map.of("tenantId", Map.of("S.$", jobPath + ".tenantId"), "jobId", Map.of("S.$", jobPath + ".jobId")));
        parameters.put(
                "UpdateExpression",
                "SET #status = :failed, failure = if_not_exists(failure, :failure), "
                        + "updatedAt = :now ADD #version :one");
        parameters.put("ConditionExpression", "#status IN (:queued, :running)");
        parameters.put("ExpressionAttributeNames", Map.of("#status", "status", "#version", "version"));
        parameters.put(
                "ExpressionAttributeValues",
                Map.of(
                        ":failed",
                        Map.of("S", "FAILED"),
                        ":queued",
                        Map.of("S", "QUEUED"),
                        ":running",
                        Map.of("S", "RUNNING"),
                        ":failure",
                        Map.of("S.$", reason),
                        ":now",
                        Map.of("S.$", "$$.State.EnteredTime"),
                        ":one",
                        Map.of("N", "1")));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        state.put("Parameters", parameters);
        state.put("ResultPath", null);
        state.put(
                "Retry",
                List.of(Map.of(
                        "ErrorEquals",
                        List.of(
                                "DynamoDB.ProvisionedThroughputExceededException",
                                "DynamoDB.ThrottlingException",
                                "DynamoDB.InternalServerErrorException"),
                        "IntervalSeconds",
                        2,
                        "MaxAttempts",
                        5,
                        "BackoffRate",
                        2.0)));
        // Done or failed already: what it says stands.
        state.put("Catch", List.of(discarding("DynamoDB.ConditionalCheckFailedException", next)));
        state.put("Next", next);
        return state;
    }

    private static String machine(String comment, String startAt, Map<String, Object> states) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("Comment", comment);
        definition.put("StartAt", startAt);
        definition.put("States", states);
        return CanonicalJson.writePretty(definition);
    }

    private static Map<String, Object> update(String table, String slotKey, String expression) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("TableName", table);
        parameters.put("Key", Map.of("tenantId", Map.of("S", TENANT), "jobId", Map.of("S", slotKey)));
        parameters.put("UpdateExpression", expression);
        return parameters;
    }

    private static Map<String, Object> task(Map<String, Object> parameters, String next) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Type", "Task");
        state.put("Resource", "arn:aws:states:::dynamodb:updateItem");
        state.put("Parameters", parameters);
        state.put("ResultPath", null);
        state.put("Next", next);
        return state;
    }
}
