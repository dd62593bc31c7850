package com.zebros.worker;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the task definition puts in the worker's environment: the bucket, the table names, the pool's
 * queue (phases with a report pool). DYNAMODB_ENDPOINT and S3_ENDPOINT point a local run at
 * DynamoDB Local and S3Mock; in AWS they are unset.
 */
public record WorkerSettings(String bucket, Map<Table, String> tables, Optional<String> workQueueUrl,
                             Optional<String> dynamoEndpoint, Optional<String> s3Endpoint, String region) {

    public static WorkerSettings from(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        String bucket = env.get("FILES_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            missing.add("FILES_BUCKET");
        }
        for (Table table : Table.values()) {
            if (env.getOrDefault(table.environmentVariable(), "").isBlank()) {
                missing.add(table.environmentVariable());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the worker's environment has no " + String.join(", ", missing)
                    + "; the task definition sets them, a local run must set them too");
        }
        String region = Optional.ofNullable(env.get("AWS_REGION")).filter(r -> !r.isBlank()).orElse("us-east-1");
        return new WorkerSettings(bucket, Store.namesFrom(env), present(env, "WORK_QUEUE_URL"),
                present(env, "DYNAMODB_ENDPOINT"), present(env, "S3_ENDPOINT"), region);
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
