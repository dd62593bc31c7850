package com.zebros.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The default numbers of each phase and the bounds of each setting; read through {@link PhaseTable}. */
final class PhaseDefaults {

    /** CloudWatch Logs accepts only these retention periods (PutRetentionPolicy). */
    static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private PhaseDefaults() {
    }

    static Map<String, Double> of(int phase) {
        if (phase < PhaseTable.MIN_PHASE || phase > PhaseTable.MAX_PHASE) {
            throw new IllegalArgumentException("phase must be 0 to 3, was " + phase);
        }
        Map<String, Double> v = new LinkedHashMap<>();
        lambda(phase, v);
        workers(phase, v);
        keycloak(phase, v);
        dynamo(phase, v);
        aurora(phase, v);
        cache(phase, v);
        edge(phase, v);
        // No NAT gateway while a NAT instance is enough (phases 0-1, see Network); one per AZ once the
        // seeds ask for "across AZs" (phase 2), so losing an AZ does not cut every task's egress.
        v.put("natGateways", phase >= 2 ? 3.0 : 0.0);
        v.put("logRetentionDays", new double[] {14, 30, 90, 365}[phase]);
        v.put("scalingTargetPercent", 70.0);
        v.put("accountConcurrencyLimit", 1000.0);
        if (Feature.LAMBDA_POWER_TUNING.in(phase)) {
            // Lambda Power Tuning, the seeds' optimisation step; 0 in zebros:overrides leaves it out.
            v.put("powerTuning", 1.0);
        }
        return v;
    }

    private static void lambda(int phase, Map<String, Double> v) {
        for (FunctionGroup g : FunctionGroup.values()) {
            v.put("lambdaMemoryMb." + g.id(), (double) lambdaMemory(phase, g));
        }
        for (FunctionGroup g : FunctionGroup.values()) {
            if (phase >= 3 && g.kind() == FunctionGroup.Kind.API) {
                // Phase 3: provisioned concurrency with auto-scaling on the API functions.
                v.put("provisionedConcurrencyMin." + g.id(), 2.0);
                v.put("provisionedConcurrencyMax." + g.id(), 50.0);
            } else {
                v.put("reservedConcurrency." + g.id(), (double) reservedConcurrency(phase, g));
            }
        }
    }

    private static int lambdaMemory(int phase, FunctionGroup g) {
        if (g.kind() == FunctionGroup.Kind.COORDINATION) {
            return 256;
        }
        switch (phase) {
            case 0: return 128;
            case 1: return 256;
            case 2:
                switch (g) {
                    case REPORTING: case ANALYTICS: return 1024;
                    case NOTIFICATION: return 128;
                    default: return 512;
                }
            default:
                switch (g) {
                    case REPORTING: return 1024;
                    case ANALYTICS: return 3072;
                    case NOTIFICATION: return 128;
                    default: return 256;
                }
        }
    }

    /**
     * Phases 0 and 1 share one budget among all functions (the seeds' "100 concurrent executions",
     * then 200); the split favours the authorizer, which every request passes, and the API.
     * Phase 2 reserves per function; the figures keep 400 of the default account limit of 1,000
     * unreserved, well above the 100 AWS requires (docs/aws-constraints.md LBD-04).
     */
    private static int reservedConcurrency(int phase, FunctionGroup g) {
        if (g.kind() == FunctionGroup.Kind.COORDINATION) {
            // One scheduled invocation an hour: one environment is all it ever needs, outside the seeds' budgets.
            return 1;
        }
        int[] phaseZero = {15, 10, 15, 15, 10, 5, 10, 20};
        int[] phaseTwo = {80, 60, 80, 80, 40, 20, 40, 200};
        int i = g.ordinal();
        switch (phase) {
            case 0: return phaseZero[i];
            case 1: return phaseZero[i] * 2;
            default: return phaseTwo[i];
        }
    }

    private static void workers(int phase, Map<String, Double> v) {
        for (WorkerKind k : WorkerKind.values()) {
            TaskSize size = workerSize(phase, k);
            v.put("workerCpu." + k.id(), (double) size.cpu());
            v.put("workerMemoryMb." + k.id(), (double) size.memoryMb());
        }
        double[][] tasks = {{1, 1}, {1, 3}, {2, 10}, {2, 10}};
        v.put("workerMinTasks", tasks[phase][0]);
        v.put("workerMaxTasks", tasks[phase][1]);
        if (Feature.REPORT_QUEUE_SCALING.in(phase)) {
            v.put("queueDepthPerTask", 10.0);
        }
        // Jobs that run as one task per job start no more than this many tasks of a kind at once; the rest wait
        // their turn in the state machine. Sized like the report pool's ceiling of the same phase.
        v.put("jobTasksPerKind", new double[] {3, 3, 10, 10}[phase]);
    }

    private static TaskSize workerSize(int phase, WorkerKind k) {
        if (!Feature.WORKER_TIERS.in(phase)) {
            return new TaskSize(256, 512);
        }
        switch (k) {
            case REPORT: return new TaskSize(512, 1024);
            case ANALYTICS: return new TaskSize(4096, 8192);
            default: return new TaskSize(1024, 2048);
        }
    }

    private static void keycloak(int phase, Map<String, Double> v) {
        double[][] tasks = {{1, 1}, {1, 2}, {2, 5}, {3, 10}};
        v.put("keycloakMinTasks", tasks[phase][0]);
        v.put("keycloakMaxTasks", tasks[phase][1]);
        // The seed gives phase 0 0.25 vCPU / 0.5 GB, but Keycloak run with the task's heap settings peaks at
        // 492 MiB of 512 after a few logins (KeycloakTokenTest): no headroom, and the seeds' own "memory > 70 %"
        // alarm would stay in ALARM. With 1 GB it peaks at 595 MiB (58 %), so phase 0 gets 0.25 vCPU / 1 GB.
        // The task doubles at phase 2 as logins grow (not in the seeds; a choice).
        int[][] size = {{256, 1024}, {512, 1024}, {1024, 2048}, {1024, 2048}};
        v.put("keycloakCpu", (double) size[phase][0]);
        v.put("keycloakMemoryMb", (double) size[phase][1]);
    }

    private static void dynamo(int phase, Map<String, Double> v) {
        if (!Feature.PROVISIONED_TABLES.in(phase)) {
            return;
        }
        double[][] capacity = {{25, 100}, {50, 200}, {25, 100}, {100, 400}};
        // Each index scales on its own range: a floor well under the table's (an index at the table's minimum made
        // phase 1's idle capacity about three times the tables' own), and the table's ceiling, because every table
        // write that carries an index's keys is also a write to that index, and a short index throttles the table.
        double indexFloor = phase >= 3 ? 10 : 5;
        for (CrmTable t : CrmTable.values()) {
            if (t.scaledByPhase()) {
                v.put("tableMinCapacity." + t.id(), capacity[t.ordinal()][0]);
                v.put("tableMaxCapacity." + t.id(), capacity[t.ordinal()][1]);
                v.put("indexMinCapacity." + t.id(), indexFloor);
                v.put("indexMaxCapacity." + t.id(), capacity[t.ordinal()][1]);
            }
        }
        if (Feature.DAX.in(phase)) {
            // Phase 2 adds a DAX cluster; phase 3 spreads it over three AZs (docs/aws-constraints.md DAX-03: >= 3 for HA).
            v.put("daxNodes", phase >= 3 ? 3.0 : 2.0);
        }
    }

    private static void aurora(int phase, Map<String, Double> v) {
        // The seeds give 1-2 and 2-4 ACU; "multi-AZ" (phase 2) and "larger ceiling" (phase 3)
        // are read as 2-8 and 2-16 ACU.
        double[][] acu = {{1, 2}, {2, 4}, {2, 8}, {2, 16}};
        v.put("auroraMinAcu", acu[phase][0]);
        v.put("auroraMaxAcu", acu[phase][1]);
        v.put("auroraReaders", phase >= 2 ? 1.0 : 0.0);
    }

    private static void cache(int phase, Map<String, Double> v) {
        if (Feature.REDIS_CLUSTER_MODE.in(phase)) {
            v.put("redisShards", 2.0);
        } else if (Feature.REDIS.in(phase)) {
            v.put("redisNodes", 2.0);
        }
    }

    private static void edge(int phase, Map<String, Double> v) {
        // Stage throttling well inside the account's 10,000 rps (docs/aws-constraints.md APIGW-04) and identical in both
        // regions, because the secondary takes all traffic after failover.
        double[][] limits = {{50, 100}, {100, 200}, {500, 1000}, {2000, 4000}};
        v.put("apiRateLimit", limits[phase][0]);
        v.put("apiBurstLimit", limits[phase][1]);
        if (Feature.CUSTOM_API_DOMAIN_AND_WAF.in(phase)) {
            v.put("wafRequestsPerIpPer5Min", 2000.0);
        }
    }

    static Setting setting(String name) {
        String family = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        switch (family) {
            case "lambdaMemoryMb": return Setting.count(name, 128, 10240, "Lambda memory in MB");
            case "reservedConcurrency": return Setting.count(name, 0, 10000, "reserved concurrent executions");
            case "provisionedConcurrencyMin":
            case "provisionedConcurrencyMax":
                return Setting.count(name, 1, 10000, "provisioned concurrent executions");
            case "workerCpu": return Setting.count(name, 256, 16384, "worker task CPU units");
            case "workerMemoryMb": return Setting.count(name, 512, 122880, "worker task memory in MiB");
            case "workerMinTasks":
            case "workerMaxTasks":
                return Setting.count(name, 0, 100, "worker task count");
            case "queueDepthPerTask": return Setting.count(name, 1, 10000, "report-queue messages per worker task");
            case "jobTasksPerKind": return Setting.count(name, 1, 1000, "job tasks of one kind running at once");
            case "keycloakMinTasks":
            case "keycloakMaxTasks":
                return Setting.count(name, 0, 50, "Keycloak task count");
            case "keycloakCpu": return Setting.count(name, 256, 16384, "Keycloak task CPU units");
            case "keycloakMemoryMb": return Setting.count(name, 512, 122880, "Keycloak task memory in MiB");
            case "tableMinCapacity":
            case "tableMaxCapacity":
            case "indexMinCapacity":
            case "indexMaxCapacity":
                return Setting.count(name, 1, 40000, "DynamoDB read and write capacity units");
            case "daxNodes": return Setting.count(name, 1, 10, "DAX nodes");
            case "auroraMinAcu":
            case "auroraMaxAcu":
                return new Setting(name, 0.5, 256, 0.5, "Aurora Serverless v2 capacity units");
            case "auroraReaders": return Setting.count(name, 0, 15, "Aurora reader instances");
            case "redisNodes": return Setting.count(name, 2, 6, "Redis nodes (primary and replicas)");
            case "redisShards": return Setting.count(name, 1, 500, "Redis cluster shards");
            case "apiRateLimit": return Setting.count(name, 1, 10000, "API stage requests per second");
            case "apiBurstLimit": return Setting.count(name, 1, 5000, "API stage burst");
            case "wafRequestsPerIpPer5Min": return Setting.count(name, 100, 2000000000, "WAF requests per IP per 5 minutes");
            case "natGateways": return Setting.count(name, 0, 3, "NAT gateways (0: one NAT instance)");
            case "logRetentionDays": return Setting.count(name, 1, 3653, "log retention in days");
            case "scalingTargetPercent": return Setting.count(name, 20, 90, "target utilisation of auto-scaling");
            case "accountConcurrencyLimit": return Setting.count(name, 10, 1000000, "the account's Lambda concurrency quota");
            case "powerTuning": return Setting.count(name, 0, 1, "1 deploys Lambda Power Tuning, 0 leaves it out");
            default: throw new IllegalArgumentException("no setting " + name);
        }
    }

    /** Checks across settings: ranges the right way round, Fargate pairs, account concurrency. */
    static List<String> crossChecks(int phase, Map<String, Double> v) {
        List<String> problems = new ArrayList<>();
        for (String name : v.keySet()) {
            if (name.contains("Min") && v.containsKey(name.replace("Min", "Max"))
                    && v.get(name) > v.get(name.replace("Min", "Max"))) {
                problems.add(name + "=" + Setting.format(v.get(name)) + " is above "
                        + name.replace("Min", "Max") + "=" + Setting.format(v.get(name.replace("Min", "Max"))));
            }
        }
        for (WorkerKind k : WorkerKind.values()) {
            checkFargatePair("workerCpu." + k.id(), "workerMemoryMb." + k.id(), v, problems);
        }
        checkFargatePair("keycloakCpu", "keycloakMemoryMb", v, problems);
        if (!LOG_RETENTION_DAYS.contains((int) (double) v.get("logRetentionDays"))) {
            problems.add("logRetentionDays=" + Setting.format(v.get("logRetentionDays"))
                    + " is not a retention CloudWatch Logs accepts; use one of " + new java.util.TreeSet<>(LOG_RETENTION_DAYS));
        }
        double reserved = v.entrySet().stream().filter(e -> e.getKey().startsWith("reservedConcurrency."))
                .mapToDouble(Map.Entry::getValue).sum();
        double limit = v.get("accountConcurrencyLimit");
        if (reserved > limit - 100) {
            problems.add("reservedConcurrency.* adds up to " + Setting.format(reserved) + ", but AWS keeps 100 of the account's "
                    + Setting.format(limit) + " unreserved (docs/aws-constraints.md LBD-04): lower the budgets or raise the quota and set accountConcurrencyLimit");
        }
        return problems;
    }

    private static void checkFargatePair(String cpuKey, String memoryKey, Map<String, Double> v, List<String> problems) {
        int cpu = (int) (double) v.get(cpuKey);
        int memory = (int) (double) v.get(memoryKey);
        if (!FargateSizes.isValid(cpu, memory)) {
            problems.add(cpuKey + "=" + cpu + " with " + memoryKey + "=" + memory
                    + " is not a Fargate size; " + FargateSizes.allowedFor(cpu));
        }
    }
}
