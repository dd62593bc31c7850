package com.zebros.platform.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phase table (README.md, "The phase table as the program holds it"): the only place the numbers of each phase live. Components ask it
 * ({@code phases.lambdaMemoryMb(REPORTING)}, {@code phases.hasDax()}); stack config overrides
 * numbers through {@code zebros:overrides} and the overrides win.
 *
 * <p>Numbers come from the scaling strategy the product is built from where it gives one; where the
 * design only says "reserved per function" or "larger ceiling" the figure chosen here is marked with
 * a comment saying why.
 */
public final class PhaseTable {

    public static final int MIN_PHASE = 0;
    public static final int MAX_PHASE = 3;

    /** Scaling signals of the Fargate workers, by phase (README.md's phase table, "Worker scaling signals"). */
    public enum ScalingSignal { CPU, MEMORY, QUEUE_DEPTH }

    /** How the session cache is deployed. */
    public enum CacheMode { NONE, REPLICATION_GROUP, CLUSTER }

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
        Map<String, Double> defaults = PhaseDefaults.of(phase);
        List<String> problems = new ArrayList<>();
        overrides.forEach((name, value) -> {
            if (!defaults.containsKey(name)) {
                problems.add(name + " is not a setting of phase " + phase + "; the settings of phase "
                        + phase + " are: " + String.join(", ", defaults.keySet()));
                return;
            }
            String problem = PhaseDefaults.setting(name).problemWith(value);
            if (problem != null) {
                problems.add(name + "=" + Setting.format(value) + " " + problem + " ("
                        + PhaseDefaults.setting(name).meaning() + ")");
            }
        });
        Map<String, Double> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        problems.addAll(PhaseDefaults.crossChecks(phase, merged));
        return problems;
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

    // ---- Lambda ----

    public int lambdaMemoryMb(FunctionGroup group) {
        return intValue("lambdaMemoryMb." + group.id());
    }

    /** Provisioned concurrency with auto-scaling replaces reserved budgets on the API functions in phase 3. */
    public boolean usesProvisionedConcurrency(FunctionGroup group) {
        return values.containsKey("provisionedConcurrencyMax." + group.id());
    }

    public int reservedConcurrency(FunctionGroup group) {
        return intValue("reservedConcurrency." + group.id());
    }

    public Range provisionedConcurrency(FunctionGroup group) {
        return new Range(value("provisionedConcurrencyMin." + group.id()),
                value("provisionedConcurrencyMax." + group.id()));
    }

    // ---- Fargate workers ----

    public TaskSize workerTaskSize(WorkerKind kind) {
        return new TaskSize(intValue("workerCpu." + kind.id()), intValue("workerMemoryMb." + kind.id()));
    }

    public Range workerTasks() {
        return new Range(value("workerMinTasks"), value("workerMaxTasks"));
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

    /** Phase 3 gives each workload its own task definition; before that one size serves all jobs. */
    public boolean workerTiers() {
        return Feature.WORKER_TIERS.in(phase);
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
        return intValue("jobTasksPerKind");
    }

    /** Report-queue messages per worker task before another task is added (the seed's "> 10 tasks"). */
    public int queueDepthPerTask() {
        return intValue("queueDepthPerTask");
    }

    // ---- Keycloak ----

    public Range keycloakTasks() {
        return new Range(value("keycloakMinTasks"), value("keycloakMaxTasks"));
    }

    public TaskSize keycloakTaskSize() {
        return new TaskSize(intValue("keycloakCpu"), intValue("keycloakMemoryMb"));
    }

    // ---- DynamoDB ----

    public boolean dynamoProvisioned() {
        return Feature.PROVISIONED_TABLES.in(phase);
    }

    public Range tableCapacity(CrmTable table) {
        return new Range(value("tableMinCapacity." + table.id()), value("tableMaxCapacity." + table.id()));
    }

    /** The range of each global secondary index of {@code table}, reads and writes alike. */
    public Range indexCapacity(CrmTable table) {
        return new Range(value("indexMinCapacity." + table.id()), value("indexMaxCapacity." + table.id()));
    }

    /** The target utilisation of every target-tracking policy (the seeds' 70 %). */
    public double scalingTargetPercent() {
        return value("scalingTargetPercent");
    }

    public boolean hasDax() {
        return Feature.DAX.in(phase);
    }

    public int daxNodes() {
        return intValue("daxNodes");
    }

    public String daxNodeType() {
        return Feature.LARGE_CACHE_NODES.in(phase) ? "dax.r5.large" : "dax.t3.small";
    }

    // ---- Aurora ----

    public Range auroraAcu() {
        return new Range(value("auroraMinAcu"), value("auroraMaxAcu"));
    }

    public int auroraReaders() {
        return intValue("auroraReaders");
    }

    // ---- Cache ----

    public CacheMode cacheMode() {
        if (Feature.REDIS_CLUSTER_MODE.in(phase)) {
            return CacheMode.CLUSTER;
        }
        return Feature.REDIS.in(phase) ? CacheMode.REPLICATION_GROUP : CacheMode.NONE;
    }

    public int redisNodes() {
        return intValue("redisNodes");
    }

    public int redisShards() {
        return intValue("redisShards");
    }

    public String redisNodeType() {
        return Feature.LARGE_CACHE_NODES.in(phase) ? "cache.r7g.large" : "cache.t4g.small";
    }

    // ---- Edge ----

    public boolean hasCustomApiDomainAndWaf() {
        return Feature.CUSTOM_API_DOMAIN_AND_WAF.in(phase);
    }

    public boolean hasCloudFront() {
        return Feature.CLOUDFRONT.in(phase);
    }

    public int apiRateLimit() {
        return intValue("apiRateLimit");
    }

    public int apiBurstLimit() {
        return intValue("apiBurstLimit");
    }

    public int wafRequestsPerIpPer5Min() {
        return intValue("wafRequestsPerIpPer5Min");
    }

    // ---- S3 ----

    public boolean s3Lifecycle() {
        return Feature.S3_LIFECYCLE.in(phase);
    }

    public boolean s3IntelligentTiering() {
        return Feature.S3_INTELLIGENT_TIERING.in(phase);
    }

    // ---- Network and operations ----

    public int natGateways() {
        return intValue("natGateways");
    }

    /** Lambda Power Tuning is deployed (from phase 2 unless an override sets powerTuning=0). */
    public boolean hasPowerTuning() {
        return values.getOrDefault("powerTuning", 0.0) == 1.0;
    }

    public int logRetentionDays() {
        return intValue("logRetentionDays");
    }
}
