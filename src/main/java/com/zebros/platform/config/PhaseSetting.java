package com.zebros.platform.config;

/**
 * Every number of the phase table, its key spelled once: what {@code zebros:overrides} names, the
 * bounds AWS accepts for it, and what it sizes. A setting of a function group, worker kind or table
 * has one key per member ({@code lambdaMemoryMb.reporting}); the others have one key.
 */
public enum PhaseSetting {
    LAMBDA_MEMORY_MB("lambdaMemoryMb", Scope.FUNCTION_GROUP, 128, 32768, 1, "Lambda memory in MB"),
    RESERVED_CONCURRENCY("reservedConcurrency", Scope.FUNCTION_GROUP, 0, 10000, 1, "reserved concurrent executions"),
    PROVISIONED_CONCURRENCY_MIN(
            "provisionedConcurrencyMin", Scope.FUNCTION_GROUP, 1, 10000, 1, "provisioned concurrent executions"),
    PROVISIONED_CONCURRENCY_MAX(
            "provisionedConcurrencyMax", Scope.FUNCTION_GROUP, 1, 10000, 1, "provisioned concurrent executions"),
    WORKER_CPU("workerCpu", Scope.WORKER_KIND, 256, 16384, 1, "worker task CPU units"),
    WORKER_MEMORY_MB("workerMemoryMb", Scope.WORKER_KIND, 512, 122880, 1, "worker task memory in MiB"),
    WORKER_MIN_TASKS("workerMinTasks", Scope.STACK, 0, 100, 1, "worker task count"),
    WORKER_MAX_TASKS("workerMaxTasks", Scope.STACK, 0, 100, 1, "worker task count"),
    QUEUE_DEPTH_PER_TASK("queueDepthPerTask", Scope.STACK, 1, 10000, 1, "report-queue messages per worker task"),
    JOB_TASKS_PER_KIND("jobTasksPerKind", Scope.STACK, 1, 1000, 1, "job tasks of one kind running at once"),
    KEYCLOAK_MIN_TASKS("keycloakMinTasks", Scope.STACK, 0, 50, 1, "Keycloak task count"),
    KEYCLOAK_MAX_TASKS("keycloakMaxTasks", Scope.STACK, 0, 50, 1, "Keycloak task count"),
    KEYCLOAK_CPU("keycloakCpu", Scope.STACK, 256, 16384, 1, "Keycloak task CPU units"),
    KEYCLOAK_MEMORY_MB("keycloakMemoryMb", Scope.STACK, 512, 122880, 1, "Keycloak task memory in MiB"),
    TABLE_MIN_CAPACITY("tableMinCapacity", Scope.TABLE, 1, 40000, 1, "DynamoDB read and write capacity units"),
    TABLE_MAX_CAPACITY("tableMaxCapacity", Scope.TABLE, 1, 40000, 1, "DynamoDB read and write capacity units"),
    INDEX_MIN_CAPACITY("indexMinCapacity", Scope.TABLE, 1, 40000, 1, "DynamoDB read and write capacity units"),
    INDEX_MAX_CAPACITY("indexMaxCapacity", Scope.TABLE, 1, 40000, 1, "DynamoDB read and write capacity units"),
    DAX_NODES("daxNodes", Scope.STACK, 1, 10, 1, "DAX nodes"),
    AURORA_MIN_ACU("auroraMinAcu", Scope.STACK, 0.5, 256, 0.5, "Aurora Serverless v2 capacity units"),
    AURORA_MAX_ACU("auroraMaxAcu", Scope.STACK, 0.5, 256, 0.5, "Aurora Serverless v2 capacity units"),
    AURORA_READERS("auroraReaders", Scope.STACK, 0, 15, 1, "Aurora reader instances"),
    REDIS_NODES("redisNodes", Scope.STACK, 2, 6, 1, "Redis nodes (primary and replicas)"),
    REDIS_SHARDS("redisShards", Scope.STACK, 1, 500, 1, "Redis cluster shards"),
    API_RATE_LIMIT("apiRateLimit", Scope.STACK, 1, 10000, 1, "API stage requests per second"),
    API_BURST_LIMIT("apiBurstLimit", Scope.STACK, 1, 5000, 1, "API stage burst"),
    WAF_REQUESTS_PER_IP_PER_5_MIN(
            "wafRequestsPerIpPer5Min", Scope.STACK, 10, 2000000000, 1, "WAF requests per IP per 5 minutes"),
    NAT_GATEWAYS("natGateways", Scope.STACK, 0, 3, 1, "NAT gateways (0: one NAT instance)"),
    LOG_RETENTION_DAYS("logRetentionDays", Scope.STACK, 1, 3653, 1, "log retention in days"),
    SCALING_TARGET_PERCENT("scalingTargetPercent", Scope.STACK, 20, 90, 1, "target utilisation of auto-scaling"),
    ACCOUNT_CONCURRENCY_LIMIT(
            "accountConcurrencyLimit", Scope.STACK, 10, 1000000, 1, "the account's Lambda concurrency quota"),
    POWER_TUNING("powerTuning", Scope.STACK, 0, 1, 1, "1 deploys Lambda Power Tuning, 0 leaves it out");

    /** What one key of a setting is for: the whole stack, or one member of a family. */
    public enum Scope {
        STACK,
        FUNCTION_GROUP,
        WORKER_KIND,
        TABLE
    }

    private final String family;
    private final Scope scope;
    private final double min;
    private final double max;
    private final double step;
    private final String meaning;

    PhaseSetting(String family, Scope scope, double min, double max, double step, String meaning) {
        this.family = family;
        this.scope = scope;
        this.min = min;
        this.max = max;
        this.step = step;
        this.meaning = meaning;
    }

    /** The name before the member, e.g. {@code lambdaMemoryMb}. */
    public String family() {
        return family;
    }

    /** The key of a setting of the whole stack. */
    /** Whether the setting is one number for the stack or one per function group, worker kind or table. */
    public Scope scope() {
        return scope;
    }

    /** The smallest value AWS accepts for it. */
    public double min() {
        return min;
    }

    /** The largest value AWS accepts for it. */
    public double max() {
        return max;
    }

    /** The smallest change of its value AWS accepts (half an ACU, one MB, one task). */
    public double step() {
        return step;
    }

    public String key() {
        return keyFor(Scope.STACK, null);
    }

    public String key(FunctionGroup group) {
        return keyFor(Scope.FUNCTION_GROUP, group.id());
    }

    public String key(WorkerKind kind) {
        return keyFor(Scope.WORKER_KIND, kind.id());
    }

    public String key(CrmTable table) {
        return keyFor(Scope.TABLE, table.id());
    }

    private String keyFor(Scope asked, String member) {
        if (asked != scope) {
            throw new IllegalArgumentException(family + " is a setting per " + scope + ", not per " + asked);
        }
        return member == null ? family : family + "." + member;
    }

    /** The bounds of one key of this setting. */
    Setting bounds(String key) {
        return new Setting(key, min, max, step, meaning);
    }

    /** The setting a key belongs to, e.g. {@code LAMBDA_MEMORY_MB} for {@code lambdaMemoryMb.reporting}. */
    static PhaseSetting ofKey(String key) {
        String family = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        for (PhaseSetting setting : values()) {
            if (setting.family.equals(family)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("no setting " + key);
    }
}
