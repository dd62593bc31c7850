package com.zebros.worker;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the task definition puts in the worker's environment: the bucket, the table names, the pool's
 * queue (phases with a report pool), and in provisioned phases each table's capacity ceiling
 * ({@code TABLE_CAPACITY_CEILING=customers=150,contacts=250,...}: the units a second the table and its
 * indexes reach at most, of which the worker's capacity budget takes a share). DYNAMODB_ENDPOINT and
 * S3_ENDPOINT point a local run at DynamoDB Local and S3Mock; in AWS they are unset.
 *
 * @param capacityCeiling by table name; empty when the tables are on-demand
 */
public record WorkerSettings(
        String bucket,
        Map<Table, String> tables,
        Optional<String> workQueueUrl,
        Optional<String> dynamoEndpoint,
        Optional<String> s3Endpoint,
        String region,
        Map<String, Double> capacityCeiling) {

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
        String region = Optional.ofNullable(env.get("AWS_REGION"))
                .filter(r -> !r.isBlank())
                .orElse("us-east-1");
        Map<Table, String> names = Store.namesFrom(env);
        return new WorkerSettings(
                bucket,
                names,
                present(env, "WORK_QUEUE_URL"),
                present(env, "DYNAMODB_ENDPOINT"),
                present(env, "S3_ENDPOINT"),
                region,
                ceiling(env.getOrDefault("TABLE_CAPACITY_CEILING", ""), names));
    }

    private static Map<String, Double> ceiling(String value, Map<Table, String> names) {
        Map<String, Double> ceiling = new LinkedHashMap<>();
        for (String entry : value.isBlank() ? new String[0] : value.split(",")) {
            String[] pair = entry.split("=", 2);
            Optional<Table> table = Arrays.stream(Table.values())
                    .filter(t -> t.id().equals(pair[0].trim()))
                    .findFirst();
            double units;
            try {
                units = pair.length == 2 ? Double.parseDouble(pair[1].trim()) : -1;
            } catch (NumberFormatException e) {
                units = -1;
            }
            if (table.isEmpty() || !(units > 0)) {
                throw new IllegalStateException(
                        "TABLE_CAPACITY_CEILING has \"" + entry + "\"; each entry must be a table ("
                                + Arrays.stream(Table.values()).map(Table::id).toList()
                                + ") = its units a second, e.g. customers=150");
            }
            ceiling.put(names.get(table.get()), units);
        }
        return Map.copyOf(ceiling);
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
