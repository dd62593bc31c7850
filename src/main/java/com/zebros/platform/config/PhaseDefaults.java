package com.zebros.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The default numbers of each phase and the bounds of each setting; read through {@link PhaseTable}. */
final class PhaseDefaults {

    /** CloudWatch Logs accepts only these retention periods (PutRetentionPolicy). */
    static final Set<Integer> LOG_RETENTION_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private PhaseDefaults() {}

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
        v.put(PhaseSetting.NAT_GATEWAYS.key(), Feature.NAT_GATEWAY_PER_ZONE.in(phase) ? 3.0 : 0.0);
        v.put(PhaseSetting.LOG_RETENTION_DAYS.key(), new double[] {14, 30, 90, 365}[phase]);
        v.put(PhaseSetting.SCALING_TARGET_PERCENT.key(), 70.0);
        v.put(PhaseSetting.ACCOUNT_CONCURRENCY_LIMIT.key(), 1000.0);
        if (Feature.LAMBDA_POWER_TUNING.in(phase)) {
            // Lambda Power Tuning, the seeds' optimisation step; 0 in zebros:overrides leaves it out.
            v.put(PhaseSetting.POWER_TUNING.key(), 1.0);
        }
        return v;
    }

    private static void lambda(int phase, Map<String, Double> v) {
        for (FunctionGroup g : FunctionGroup.values()) {
            v.put(PhaseSetting.LAMBDA_MEMORY_MB.key(g), (double) g.defaultMemoryMb(phase));
        }
        for (FunctionGroup g : FunctionGroup.values()) {
            if (Feature.PROVISIONED_CONCURRENCY.in(phase) && g.kind() == FunctionGroup.Kind.API) {
                v.put(PhaseSetting.PROVISIONED_CONCURRENCY_MIN.key(g), 2.0);
                v.put(PhaseSetting.PROVISIONED_CONCURRENCY_MAX.key(g), 50.0);
            } else {
                v.put(PhaseSetting.RESERVED_CONCURRENCY.key(g), (double) g.defaultReservedConcurrency(phase));
            }
        }
    }

    private static void workers(int phase, Map<String, Double> v) {
        for (WorkerKind k : WorkerKind.values()) {
            TaskSize size = workerSize(phase, k);
            v.put(PhaseSetting.WORKER_CPU.key(k), (double) size.cpu());
            v.put(PhaseSetting.WORKER_MEMORY_MB.key(k), (double) size.memoryMb());
        }
        double[][] tasks = {{1, 1}, {1, 3}, {2, 10}, {2, 10}};
        v.put(PhaseSetting.WORKER_MIN_TASKS.key(), tasks[phase][0]);
        v.put(PhaseSetting.WORKER_MAX_TASKS.key(), tasks[phase][1]);
        if (Feature.REPORT_QUEUE_SCALING.in(phase)) {
            v.put(PhaseSetting.QUEUE_DEPTH_PER_TASK.key(), 10.0);
        }
        // Jobs that run as one task per job start no more than this many tasks of a kind at once; the rest wait
        // their turn in the state machine. Sized like the report pool's ceiling of the same phase.
        v.put(PhaseSetting.JOB_TASKS_PER_KIND.key(), new double[] {3, 3, 10, 10}[phase]);
    }

    private static TaskSize workerSize(int phase, WorkerKind k) {
        if (!Feature.WORKER_TIERS.in(phase)) {
            return new TaskSize(256, 512);
        }
        switch (k) {
            case REPORT:
                return new TaskSize(512, 1024);
            case ANALYTICS:
                return new TaskSize(4096, 8192);
            default:
                return new TaskSize(1024, 2048);
        }
    }

    private static void keycloak(int phase, Map<String, Double> v) {
        double[][] tasks = {{1, 1}, {1, 2}, {2, 5}, {3, 10}};
        v.put(PhaseSetting.KEYCLOAK_MIN_TASKS.key(), tasks[phase][0]);
        v.put(PhaseSetting.KEYCLOAK_MAX_TASKS.key(), tasks[phase][1]);
        // The seed gives phase 0 0.25 vCPU / 0.5 GB, but Keycloak run with the task's heap settings peaks at
        // 492 MiB of 512 after a few logins (KeycloakTokenTest): no headroom, and the seeds' own "memory > 70 %"
        // alarm would stay in ALARM. With 1 GB it peaks at 595 MiB (58 %), so phase 0 gets 0.25 vCPU / 1 GB.
        // The task doubles at phase 2 as logins grow (not in the seeds; a choice).
        int[][] size = {{256, 1024}, {512, 1024}, {1024, 2048}, {1024, 2048}};
        v.put(PhaseSetting.KEYCLOAK_CPU.key(), (double) size[phase][0]);
        v.put(PhaseSetting.KEYCLOAK_MEMORY_MB.key(), (double) size[phase][1]);
    }

    private static void dynamo(int phase, Map<String, Double> v) {
        if (!Feature.PROVISIONED_TABLES.in(phase)) {
            return;
        }
        // Each index scales on its own range: a floor well under the table's (an index at the table's minimum made
        // phase 1's idle capacity about three times the tables' own), and the table's ceiling, because every table
        // write that carries an index's keys is also a write to that index, and a short index throttles the table.
        double indexFloor = phase >= 3 ? 10 : 5;
        for (CrmTable t : CrmTable.values()) {
            t.capacity().ifPresent(range -> {
                v.put(PhaseSetting.TABLE_MIN_CAPACITY.key(t), range.min());
                v.put(PhaseSetting.TABLE_MAX_CAPACITY.key(t), range.max());
                v.put(PhaseSetting.INDEX_MIN_CAPACITY.key(t), indexFloor);
                v.put(PhaseSetting.INDEX_MAX_CAPACITY.key(t), range.max());
            });
        }
        if (Feature.DAX.in(phase)) {
            // Phase 2 adds a DAX cluster; phase 3 spreads it over three AZs
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html: >= 3 for HA).
            v.put(PhaseSetting.DAX_NODES.key(), phase >= 3 ? 3.0 : 2.0);
        }
    }

    private static void aurora(int phase, Map<String, Double> v) {
        // The seeds give 1-2 and 2-4 ACU; "multi-AZ" (phase 2) and "larger ceiling" (phase 3)
        // are read as 2-8 and 2-16 ACU.
        double[][] acu = {{1, 2}, {2, 4}, {2, 8}, {2, 16}};
        v.put(PhaseSetting.AURORA_MIN_ACU.key(), acu[phase][0]);
        v.put(PhaseSetting.AURORA_MAX_ACU.key(), acu[phase][1]);
        v.put(PhaseSetting.AURORA_READERS.key(), phase >= 2 ? 1.0 : 0.0);
    }

    private static void cache(int phase, Map<String, Double> v) {
        if (Feature.REDIS_CLUSTER_MODE.in(phase)) {
            v.put(PhaseSetting.REDIS_SHARDS.key(), 2.0);
        } else if (Feature.REDIS.in(phase)) {
            v.put(PhaseSetting.REDIS_NODES.key(), 2.0);
        }
    }

    private static void edge(int phase, Map<String, Double> v) {
        // Stage throttling well inside the account's 10,000 rps
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html) and identical in both regions,
        // because the secondary takes all traffic after failover.
        double[][] limits = {{50, 100}, {100, 200}, {500, 1000}, {2000, 4000}};
        v.put(PhaseSetting.API_RATE_LIMIT.key(), limits[phase][0]);
        v.put(PhaseSetting.API_BURST_LIMIT.key(), limits[phase][1]);
        if (Feature.CUSTOM_API_DOMAIN_AND_WAF.in(phase)) {
            v.put(PhaseSetting.WAF_REQUESTS_PER_IP_PER_5_MIN.key(), 2000.0);
        }
    }

    static Setting setting(String name) {
        return PhaseSetting.ofKey(name).bounds(name);
    }

    /** Each override that names no setting of this phase or has a value AWS would refuse. */
    static List<String> problemsWith(int phase, Map<String, Double> overrides) {
        Map<String, Double> defaults = of(phase);
        List<String> problems = new ArrayList<>();
        overrides.forEach((name, value) -> {
            if (!defaults.containsKey(name)) {
                problems.add(name + " is not a setting of phase " + phase + "; the settings of phase " + phase
                        + " are: " + String.join(", ", defaults.keySet()));
                return;
            }
            String problem = setting(name).problemWith(value);
            if (problem != null) {
                problems.add(name + "=" + Setting.format(value) + " " + problem + " ("
                        + setting(name).meaning() + ")");
            }
        });
        Map<String, Double> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        problems.addAll(crossChecks(phase, merged));
        return problems;
    }

    /** Checks across settings: ranges the right way round, Fargate pairs, account concurrency. */
    static List<String> crossChecks(int phase, Map<String, Double> v) {
        List<String> problems = new ArrayList<>();
        for (String name : v.keySet()) {
            if (name.contains("Min")
                    && v.containsKey(name.replace("Min", "Max"))
                    && v.get(name) > v.get(name.replace("Min", "Max"))) {
                problems.add(name + "=" + Setting.format(v.get(name)) + " is above " + name.replace("Min", "Max") + "="
                        + Setting.format(v.get(name.replace("Min", "Max"))));
            }
        }
        for (WorkerKind k : WorkerKind.values()) {
            checkFargatePair(PhaseSetting.WORKER_CPU.key(k), PhaseSetting.WORKER_MEMORY_MB.key(k), v, problems);
        }
        checkFargatePair(PhaseSetting.KEYCLOAK_CPU.key(), PhaseSetting.KEYCLOAK_MEMORY_MB.key(), v, problems);
        String retention = PhaseSetting.LOG_RETENTION_DAYS.key();
        if (!LOG_RETENTION_DAYS.contains((int) (double) v.get(retention))) {
            problems.add(retention + "=" + Setting.format(v.get(retention))
                    + " is not a retention CloudWatch Logs accepts; use one of "
                    + new java.util.TreeSet<>(LOG_RETENTION_DAYS));
        }
        String reservations = PhaseSetting.RESERVED_CONCURRENCY.family();
        double reserved = v.entrySet().stream()
                .filter(e -> e.getKey().startsWith(reservations + "."))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        double limit = v.get(PhaseSetting.ACCOUNT_CONCURRENCY_LIMIT.key());
        if (reserved > limit - 100) {
            problems.add(
                    reservations + ".* adds up to " + Setting.format(reserved) + ", but AWS keeps 100 of the account's "
                            + Setting.format(limit) + " unreserved "
                            + "(https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html): lower the budgets "
                            + "or raise the quota and set accountConcurrencyLimit");
        }
        return problems;
    }

    private static void checkFargatePair(
            String cpuKey, String memoryKey, Map<String, Double> v, List<String> problems) {
        int cpu = (int) (double) v.get(cpuKey);
        int memory = (int) (double) v.get(memoryKey);
        if (!FargateSizes.isValid(cpu, memory)) {
            problems.add(cpuKey + "=" + cpu + " with " + memoryKey + "=" + memory + " is not a Fargate size; "
                    + FargateSizes.allowedFor(cpu));
        }
    }
}
