package com.zebros.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phase table (README.md, "The phase table as the program holds it"): the only place the numbers of each
 * phase live. The composition root ({@code ZebrosStack}) and the components' static {@code forPhase}
 * decisions ask it ({@code phases.lambdaMemoryMb(REPORTING)}, {@code phases.has(Feature.DAX)}); components take
 * the answers in their Args. Stack config overrides numbers through {@code zebros:overrides} and the
 * overrides win.
 *
 * <p>Numbers come from the scaling strategy the product is built from where it gives one; where the
 * design only says "reserved per function" or "larger ceiling" the figure chosen here is marked with
 * a comment saying why.
 */
public final class PhaseTable {

    public static final int MIN_PHASE = 0;
    public static final int MAX_PHASE = 3;

    /** Scaling signals of the Fargate workers, by phase (README.md's phase table, "Worker scaling signals"). */
    public enum ScalingSignal {
        CPU,
        MEMORY,
        QUEUE_DEPTH
    }

    /** How the session cache is deployed. */
    public enum CacheMode {
        NONE,
        REPLICATION_GROUP,
        CLUSTER
    }

    private final int phase;
    private final Map<String, Double> values;

    private PhaseTable(int phase, Map<String, Double> values) {
        this.phase = phase;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defaults of {@code phase}, with no overrides. */
    public static PhaseTable defaults(int phase) {
        return new PhaseTable(phase, PhaseDefaults.of(phase));
    }

    /**
     * The table of {@code phase} with {@code overrides} applied. Call {@link #problemsWith} first:
     * this throws on an override the phase does not know.
     */
    public static PhaseTable of(int phase, Map<String, Double> overrides) {
        Map<String, Double> values = PhaseDefaults.of(phase);
        overrides.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown setting " + name + " at phase " + phase);
            }
            values.put(name, value);
        });
        return new PhaseTable(phase, values);
    }

    /** Each override that names no setting of this phase or has a value AWS would refuse. */
    public static List<String> problemsWith(int phase, Map<String, Double> overrides) {
        return PhaseDefaults.problemsWith(phase, overrides);
    }

    public int phase() {
        return phase;
    }

    /** Every number of this phase, by setting name, overrides applied. */
    public Map<String, Double> values() {
        return values;
    }

    private double value(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("phase " + phase + " has no setting " + name);
        }
        return value;
    }

    private int intValue(String name) {
        return (int) value(name);
    }

    /**
     * A stack-wide setting's number at this phase, overrides applied: what a component's {@code forPhase} reads
     * for a plain number, so a new setting needs no accessor here (docs/maintainers.md).
     */
    public double value(PhaseSetting setting) {
        return value(setting.key());
    }

    /** {@link #value(PhaseSetting)} as a whole number (counts, MB, days). */
    public int intValue(PhaseSetting setting) {
        return intValue(setting.key());
    }

    private Range range(PhaseSetting min, PhaseSetting max) {
        return new Range(value(min), value(max));
    }

    // ---- Lambda ----

    public int lambdaMemoryMb(FunctionGroup group) {
        return intValue(PhaseSetting.LAMBDA_MEMORY_MB.key(group));
    }

    /** Provisioned concurrency with auto-scaling replaces reserved budgets on the API functions in phase 3. */
    public boolean usesProvisionedConcurrency(FunctionGroup group) {
        return values.containsKey(PhaseSetting.PROVISIONED_CONCURRENCY_MAX.key(group));
    }

    public int reservedConcurrency(FunctionGroup group) {
        return intValue(PhaseSetting.RESERVED_CONCURRENCY.key(group));
    }

    public Range provisionedConcurrency(FunctionGroup group) {
        return new Range(
                value(PhaseSetting.PROVISIONED_CONCURRENCY_MIN.key(group)),
                value(PhaseSetting.PROVISIONED_CONCURRENCY_MAX.key(group)));
    }

    // ---- Fargate workers ----

    public TaskSize workerTaskSize(WorkerKind kind) {
        return new TaskSize(
                intValue(PhaseSetting.WORKER_CPU.key(kind)), intValue(PhaseSetting.WORKER_MEMORY_MB.key(kind)));
    }

    public Range workerTasks() {
        return range(PhaseSetting.WORKER_MIN_TASKS, PhaseSetting.WORKER_MAX_TASKS);
    }

    /**
     * Whether reports go to an auto-scaled pool of workers (the seeds' "Fargate ASG", from phase 1)
     * rather than one task per job: as soon as the phase gives workers a range or a scaling signal.
     */
    public boolean reportWorkerPool() {
        return workerTasks().max() > 1 || !workerScalingSignals().isEmpty();
    }

    /** Reports run on Fargate Spot in phase 3 (the seed's cost strategy, "Fargate Spot for Reports"). */
    public boolean workerOnSpot(WorkerKind kind) {
        return Feature.REPORTS_ON_SPOT.in(phase) && kind == WorkerKind.REPORT;
    }

    /** CPU and the queue's backlog (the seeds' "report queue > 10") from phase 1, memory from phase 2. */
    public Set<ScalingSignal> workerScalingSignals() {
        java.util.EnumSet<ScalingSignal> signals = java.util.EnumSet.noneOf(ScalingSignal.class);
        if (Feature.WORKER_CPU_SCALING.in(phase)) {
            signals.add(ScalingSignal.CPU);
        }
        if (Feature.REPORT_QUEUE_SCALING.in(phase)) {
            signals.add(ScalingSignal.QUEUE_DEPTH);
        }
        if (Feature.WORKER_MEMORY_SCALING.in(phase)) {
            signals.add(ScalingSignal.MEMORY);
        }
        return signals;
    }

    /** The most tasks of one kind that jobs run one task per job may hold at once (JobStateMachine's slots). */
    public int jobTasksPerKind() {
        return intValue(PhaseSetting.JOB_TASKS_PER_KIND);
    }

    /** Report-queue messages per worker task before another task is added (the seed's "> 10 tasks"). */
    public int queueDepthPerTask() {
        return intValue(PhaseSetting.QUEUE_DEPTH_PER_TASK);
    }

    // ---- Keycloak ----

    public Range keycloakTasks() {
        return range(PhaseSetting.KEYCLOAK_MIN_TASKS, PhaseSetting.KEYCLOAK_MAX_TASKS);
    }

    public TaskSize keycloakTaskSize() {
        return new TaskSize(intValue(PhaseSetting.KEYCLOAK_CPU), intValue(PhaseSetting.KEYCLOAK_MEMORY_MB));
    }

    // ---- DynamoDB ----

    public boolean dynamoProvisioned() {
        return Feature.PROVISIONED_TABLES.in(phase);
    }

    public Range tableCapacity(CrmTable table) {
        return new Range(
                value(PhaseSetting.TABLE_MIN_CAPACITY.key(table)), value(PhaseSetting.TABLE_MAX_CAPACITY.key(table)));
    }

    /** The range of each global secondary index of {@code table}, reads and writes alike. */
    public Range indexCapacity(CrmTable table) {
        return new Range(
                value(PhaseSetting.INDEX_MIN_CAPACITY.key(table)), value(PhaseSetting.INDEX_MAX_CAPACITY.key(table)));
    }

    /** The target utilisation of every target-tracking policy (the seeds' 70 %). */
    public double scalingTargetPercent() {
        return value(PhaseSetting.SCALING_TARGET_PERCENT);
    }

    /** Whether this phase has {@code feature}: what a new feature's deciders ask, with no accessor of its own. */
    public boolean has(Feature feature) {
        return feature.in(phase);
    }

    public int daxNodes() {
        return intValue(PhaseSetting.DAX_NODES);
    }

    public String daxNodeType() {
        return Feature.LARGE_CACHE_NODES.in(phase) ? "dax.r5.large" : "dax.t3.small";
    }

    // ---- Aurora ----

    public Range auroraAcu() {
        return range(PhaseSetting.AURORA_MIN_ACU, PhaseSetting.AURORA_MAX_ACU);
    }

    public int auroraReaders() {
        return intValue(PhaseSetting.AURORA_READERS);
    }

    // ---- Cache ----

    public CacheMode cacheMode() {
        if (Feature.REDIS_CLUSTER_MODE.in(phase)) {
            return CacheMode.CLUSTER;
        }
        return Feature.REDIS.in(phase) ? CacheMode.REPLICATION_GROUP : CacheMode.NONE;
    }

    public int redisNodes() {
        return intValue(PhaseSetting.REDIS_NODES);
    }

    public int redisShards() {
        return intValue(PhaseSetting.REDIS_SHARDS);
    }

    public String redisNodeType() {
        return Feature.LARGE_CACHE_NODES.in(phase) ? "cache.r7g.large" : "cache.t4g.small";
    }

    // ---- Edge ----

    public int apiRateLimit() {
        return intValue(PhaseSetting.API_RATE_LIMIT);
    }

    public int apiBurstLimit() {
        return intValue(PhaseSetting.API_BURST_LIMIT);
    }

    public int wafRequestsPerIpPer5Min() {
        return intValue(PhaseSetting.WAF_REQUESTS_PER_IP_PER_5_MIN);
    }

    // ---- S3 ----

    public boolean s3Lifecycle() {
        return Feature.S3_LIFECYCLE.in(phase);
    }

    public boolean s3IntelligentTiering() {
        return Feature.S3_INTELLIGENT_TIERING.in(phase);
    }

    // ---- Network and operations ----

    /** Lambda Power Tuning is deployed (from phase 2 unless an override sets powerTuning=0). */
    public boolean hasPowerTuning() {
        return values.getOrDefault(PhaseSetting.POWER_TUNING.key(), 0.0) == 1.0;
    }

    /** The account's Lambda concurrency quota, which the reservations must leave room in. */
    public int accountConcurrencyLimit() {
        return intValue(PhaseSetting.ACCOUNT_CONCURRENCY_LIMIT);
    }

    public int logRetentionDays() {
        return intValue(PhaseSetting.LOG_RETENTION_DAYS);
    }
}
