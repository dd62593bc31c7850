package com.zebros.worker;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
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
                ceiling(env.getOrDefault("TABLE_CAPACITY_CEILING", ""), env));
    }

    /**
     * The ceiling of each table by its physical name, read from its {@code <TABLE>_TABLE} variable: the tables this
     * worker's code reaches and any other crm-tables.json declares (the program paces every provisioned table).
     */
    private static Map<String, Double> ceiling(String value, Map<String, String> env) {
        List<String> declared = Table.declaredIds();
        Map<String, Double> ceiling = new LinkedHashMap<>();
        for (String entry : value.isBlank() ? new String[0] : value.split(",")) {
            String[] pair = entry.split("=", 2);
            String id = pair[0].trim();
            double units;
            try {
                units = pair.length == 2 ? Double.parseDouble(pair[1].trim()) : -1;
            } catch (NumberFormatException e) {
                units = -1;
            }
            String variable = Table.variableOf(id);
            if (!declared.contains(id)
                    || !(units > 0)
                    || env.getOrDefault(variable, "").isBlank()) {
                throw new IllegalStateException("TABLE_CAPACITY_CEILING has \"" + entry
                        + "\"; each entry must be a table of crm-tables.json (" + declared
                        + ") whose <TABLE>_TABLE variable is set = its units a second, e.g. customers=150");
            }
            ceiling.put(env.get(variable), units);
        }
        return Map.copyOf(ceiling);
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
