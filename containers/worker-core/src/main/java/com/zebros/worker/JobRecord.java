package com.zebros.worker;

import com.zebros.crm.http.Json;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The job's item in the jobs table, which the API shows the user: a worker marks it RUNNING, keeps
 * its checkpoint, and marks it DONE with the result's key and a summary. Every change moves the
 * item's version on, as the API's own writes do, so an API update never overwrites a worker's.
 * The job is marked FAILED by the state machine once its retries are spent; the worker leaves its
 * reason in {@code failure}, which the state machine keeps.
 */
public final class JobRecord {
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public JobRecord(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The stored job as it is now, or a bad job when the API never created it. */
    public Map<String, AttributeValue> load(Job job) {
        var response = dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(key(job))
                .consistentRead(true)
                .build());
        if (!response.hasItem() || response.item().isEmpty()) {
            throw new BadJob("there is no job " + job.jobId() + " of tenant " + job.tenantId()
                    + " in the jobs table; jobs are created through the API");
        }
        Map<String, AttributeValue> item = response.item();
        if (!job.kind().equals(item.get("kind").s())) {
            throw new BadJob(
                    "the job " + job.jobId() + " is a " + item.get("kind").s() + " job, not a " + job.kind() + " job");
        }
        return item;
    }

    /**
     * Marks the job RUNNING and returns the stored item (with any checkpoint of an earlier attempt).
     * A job already DONE is returned as it is: a message delivered twice does no work twice.
     */
    public Map<String, AttributeValue> begin(Job job) {
        Map<String, AttributeValue> current = load(job);
        String status = current.get("status").s();
        if (DONE.equals(status)) {
            return current;
        }
        if (!QUEUED.equals(status) && !RUNNING.equals(status) && !FAILED.equals(status)) {
            throw new BadJob("the job " + job.jobId() + " is " + status + "; only a queued job can run");
        }
        String now = clock.instant().toString();
        try {
            return dynamo.updateItem(UpdateItemRequest.builder()
                            .tableName(table)
                            .key(key(job))
                            .updateExpression(
                                    "SET #status = :running, updatedAt = :now, startedAt = if_not_exists(startedAt, :now),"
                                            + " attempts = if_not_exists(attempts, :zero) + :one ADD #version :one")
                            .conditionExpression("#status = :seen")
                            .expressionAttributeNames(Map.of("#status", "status", "#version", Store.VERSION))
                            .expressionAttributeValues(Map.of(
                                    ":running",
                                    AttributeValue.fromS(RUNNING),
                                    ":now",
                                    AttributeValue.fromS(now),
                                    ":zero",
                                    AttributeValue.fromN("0"),
                                    ":one",
                                    AttributeValue.fromN("1"),
                                    ":seen",
                                    AttributeValue.fromS(status)))
                            .returnValues(ReturnValue.ALL_NEW)
                            .build())
                    .attributes();
        } catch (ConditionalCheckFailedException e) {
            // Someone else moved the job on between our read and our write: start from what is there now.
            return begin(job);
        }
    }

    /** Records how far the job got, so a new attempt after a crash resumes there. */
    public void checkpoint(Job job, long rows) {
        update(
                job,
                "SET checkpoint = :rows, updatedAt = :now ADD #version :one",
                Map.of(":rows", AttributeValue.fromN(String.valueOf(rows))));
    }

    /** Marks the job DONE with its result file (null when there is none) and what it counted. */
    public void finish(Job job, String resultKey, Map<String, Object> summary) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":done", AttributeValue.fromS(DONE));
        values.put(":summary", AttributeValue.fromS(Json.write(summary)));
        String set = "SET #status = :done, summary = :summary, finishedAt = :now, updatedAt = :now";
        if (resultKey != null) {
            values.put(":result", AttributeValue.fromS(resultKey));
            set += ", resultKey = :result";
        }
        update(job, set + " REMOVE failure ADD #version :one", values);
    }

    /** Leaves the reason of a failed attempt on the job; the state machine retries, then marks it FAILED. */
    public void attemptFailed(Job job, String reason) {
        update(
                job,
                "SET failure = :failure, updatedAt = :now ADD #version :one",
                Map.of(":failure", AttributeValue.fromS(reason)));
    }

    /** Marks a job no retry can run FAILED at once, with the reason. */
    public void rejected(Job job, String reason) {
        update(
                job,
                "SET failure = :failure, #status = :failed, updatedAt = :now ADD #version :one",
                Map.of(":failure", AttributeValue.fromS(reason), ":failed", AttributeValue.fromS(FAILED)));
    }

    private void update(Job job, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":now", AttributeValue.fromS(clock.instant().toString()));
        all.put(":one", AttributeValue.fromN("1"));
        Map<String, String> names = new HashMap<>(Map.of("#version", Store.VERSION));
        if (expression.contains("#status")) {
            names.put("#status", "status");
        }
        dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(key(job))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(jobId)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(all)
                .build());
    }

    private static Map<String, AttributeValue> key(Job job) {
        return Store.key(Table.JOBS, job.tenantId(), job.jobId());
    }
}
