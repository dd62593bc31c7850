package com.zebros.platform.ops;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.zebros.platform.StackContext;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.PhaseBands;
import com.zebros.platform.config.PhaseSetting;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alarm per trigger of the seeds: API latency above 200 ms, CPU and memory above 70 %, an error
 * rate above 1 %, more than 10 jobs waiting, Lambda concurrency above 80 % of what throttles it (each
 * function's reservation, and the unreserved pool), and more than 50 active users. Each notifies the alarm topic when it fires and when it clears.
 */
public final class Alarms {
    static final double LATENCY_MS = 200;
    static final double UTILISATION_PERCENT = 70;
    static final double ERROR_RATE_PERCENT = 1;
    static final double QUEUE_DEPTH = 10;
    static final double CONCURRENCY_SHARE = 0.8;
    static final double ACTIVE_USERS = 50;

    private final StackContext stack;
    private final Output<String> topic;
    private final CustomResourceOptions options;
    private final String prefix;

    /**
     * What the alarms are set against, decided by the caller.
     *
     * @param reportPool              whether the report workers run as a pool (its CPU, memory and queue alarms)
     * @param nextBand                the seeds' band of the next phase, whose entry the band alarms watch for
     * @param reservations            each function's reserved concurrency (absent: provisioned instead)
     * @param accountConcurrencyLimit the account's Lambda concurrency quota
     */
    public record Thresholds(
            boolean reportPool,
            Optional<PhaseBands.Band> nextBand,
            Map<FunctionGroup, Integer> reservations,
            int accountConcurrencyLimit) {
        public Thresholds {
            reservations = Map.copyOf(reservations);
        }

        public static Thresholds forPhase(PhaseTable phases) {
            Map<FunctionGroup, Integer> reservations = new java.util.EnumMap<>(FunctionGroup.class);
            for (FunctionGroup group : FunctionGroup.values()) {
                if (!phases.usesProvisionedConcurrency(group)) {
                    reservations.put(group, phases.reservedConcurrency(group));
                }
            }
            Optional<PhaseBands.Band> next = phases.phase() < PhaseTable.MAX_PHASE
                    ? Optional.of(PhaseBands.entry(phases.phase() + 1))
                    : Optional.empty();
            return new Thresholds(phases.reportWorkerPool(), next, reservations, phases.accountConcurrencyLimit());
        }
    }

    private final Thresholds thresholds;

    /**
     * @param thresholds where each alarm fires, by phase
     * @param watched    the metric names the alarms watch, resolved
     * @param topic      the alarm topic every alarm notifies
     */
    record Args(Thresholds thresholds, Output<Monitoring.Watched> watched, Output<String> topic) {}

    Alarms(String name, StackContext stack, Args args, Resource parent) {
        this.thresholds = args.thresholds();
        Output<Monitoring.Watched> watched = args.watched();
        this.stack = stack;
        this.topic = args.topic();
        this.prefix = name;
        this.options = CustomResourceOptions.builder()
                .parent(parent)
                .provider(stack.provider())
                .build();

        simple(
                new ThresholdAlarm(
                        "api-latency",
                        "API latency p95 above 200 ms: raise the API functions' memory (seeds)",
                        "AWS/ApiGateway",
                        "Latency",
                        "p95",
                        LATENCY_MS,
                        w -> Map.of("ApiName", w.apiName(), "Stage", w.stage())),
                watched);
        errorRate(watched);
        services(thresholds.reportPool()).forEach(alarm -> simple(alarm, watched));
        concurrency(watched);
        // The functions write their peak memory as a share of their configured memory (functions' MemoryUse).
        for (FunctionGroup group : FunctionGroup.values()) {
            simple(
                    new ThresholdAlarm(
                            "memory-" + group.id(),
                            "Function " + group.id() + " above 70 % of its memory: raise " + "lambdaMemoryMb."
                                    + group.id() + " (zebros:overrides) or promote the phase (seeds)",
                            "ZebrosCRM",
                            "MemoryUsedPercent",
                            "Maximum",
                            UTILISATION_PERCENT,
                            w -> Map.of("FunctionName", w.functions().get(group.id()))),
                    watched);
        }
        activeUsers(watched);
        thresholds.nextBand().ifPresent(band -> phaseBand(band, watched));
    }

    /** An alarm named by {@code id} that mails the on-call topic when it fires and when it clears. */
    private MetricAlarmArgs.Builder notifying(String id, String description) {
        return MetricAlarmArgs.builder()
                .name(stack.naming().physical(id))
                .alarmDescription(description)
                .treatMissingData("notBreaching")
                .alarmActions(topic.applyValue(java.util.List::of))
                .okActions(topic.applyValue(java.util.List::of));
    }

    private void register(String id, MetricAlarmArgs.Builder args) {
        new MetricAlarm(prefix + "-" + id, args.build(), options);
    }

    /** One metric of an alarm's metric math, read at a one-minute period and not returned itself. */
    private static MetricAlarmMetricQueryArgs input(
            String id, String namespace, String metric, Output<Map<String, String>> dimensions, String stat) {
        return MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace)
                        .metricName(metric)
                        .dimensions(dimensions)
                        .stat(stat)
                        .period(60)
                        .build())
                .build();
    }

    /** Keycloak's and the report pool's CPU and memory, and the queues' depth: the seeds' Fargate and job triggers. */
    private static List<ThresholdAlarm> services(boolean reportPool) {
        List<ThresholdAlarm> alarms = new ArrayList<>(List.of(
                ThresholdAlarm.serviceUtilisation(
                        "keycloak-cpu", "Keycloak CPU", "CPUUtilization", Monitoring.Watched::keycloakService),
                ThresholdAlarm.serviceUtilisation(
                        "keycloak-memory",
                        "Keycloak memory",
                        "MemoryUtilization",
                        Monitoring.Watched::keycloakService)));
        if (reportPool) {
            alarms.add(ThresholdAlarm.serviceUtilisation(
                    "workers-cpu", "Report workers' CPU", "CPUUtilization", Monitoring.Watched::poolService));
            alarms.add(ThresholdAlarm.serviceUtilisation(
                    "workers-memory", "Report workers' memory", "MemoryUtilization", Monitoring.Watched::poolService));
            alarms.add(ThresholdAlarm.queueDepth(
                    "workers-queue", "More than 10 reports waiting for a worker", Monitoring.Watched::poolQueue));
        }
        alarms.add(ThresholdAlarm.queueDepth(
                "job-queue", "More than 10 jobs waiting to start", Monitoring.Watched::jobQueue));
        alarms.add(ThresholdAlarm.deadLetters("A job", Monitoring.DEAD_JOBS));
        alarms.add(ThresholdAlarm.deadLetters("A webhook delivery", Monitoring.DEAD_WEBHOOKS));
        if (reportPool) {
            alarms.add(ThresholdAlarm.deadLetters("A pooled report", Monitoring.DEAD_REPORTS));
        }
        return alarms;
    }

    private void simple(ThresholdAlarm alarm, Output<Monitoring.Watched> watched) {
        var args = notifying(alarm.id(), alarm.description())
                .namespace(alarm.namespace())
                .metricName(alarm.metric())
                .dimensions(watched.applyValue(alarm.dimensions()::apply))
                .period(60)
                .evaluationPeriods(5)
                .datapointsToAlarm(3)
                .threshold(alarm.threshold())
                .comparisonOperator("GreaterThanThreshold");
        if (alarm.percentile()) {
            args.extendedStatistic(alarm.statistic());
        } else {
            args.statistic(alarm.statistic());
        }
        register(alarm.id(), args);
    }

    /**
     * Throttling starts at a function's own reservation, long before the account's limit: each function with
     * reserved concurrency alarms at 80 % of its reservation, and at once when it is throttled at all. The
     * account-level alarm watches the pool the reservations leave (UnreservedConcurrentExecutions, shared by every
     * function without a reservation: the API functions on provisioned concurrency in phase 3 and any other
     * function in the account). Metrics: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
     */
    private void concurrency(Output<Monitoring.Watched> watched) {
        double reserved = 0;
        for (FunctionGroup group : FunctionGroup.values()) {
            if (!thresholds.reservations().containsKey(group)) {
                continue;
            }
            int reservation = thresholds.reservations().get(group);
            reserved += reservation;
            if (reservation > 0) {
                functionConcurrency(group, reservation, watched);
            }
        }
        double pool = thresholds.accountConcurrencyLimit() - reserved;
        simple(
                new ThresholdAlarm(
                        "lambda-concurrency",
                        "Unreserved Lambda concurrency above 80 % of the "
                                + Setting.format(pool) + " the reservations leave of "
                                + PhaseSetting.ACCOUNT_CONCURRENCY_LIMIT.key()
                                + ": raise the quota or move budgets",
                        "AWS/Lambda",
                        "UnreservedConcurrentExecutions",
                        "Maximum",
                        CONCURRENCY_SHARE * pool,
                        w -> Map.of()),
                watched);
    }

    /** IF() in an alarm's metric math: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html */
    private void functionConcurrency(FunctionGroup group, int reservation, Output<Monitoring.Watched> watched) {
        Output<Map<String, String>> function =
                watched.applyValue(w -> Map.of("FunctionName", w.functions().get(group.id())));
        register(
                "concurrency-" + group.id(),
                notifying(
                                "concurrency-" + group.id(),
                                "Function " + group.id()
                                        + " above 80 % of its reserved concurrency of " + reservation
                                        + ", or throttled: raise reservedConcurrency."
                                        + group.id() + " (zebros:overrides) or the phase")
                        .metricQueries(
                                input("running", "AWS/Lambda", "ConcurrentExecutions", function, "Maximum"),
                                input("throttled", "AWS/Lambda", "Throttles", function, "Sum"),
                                MetricAlarmMetricQueryArgs.builder()
                                        .id("share")
                                        .label("Share of the reservation (%), 100 when throttled")
                                        .returnData(true)
                                        .expression("IF(throttled > 0, 100, 100 * running / " + reservation + ")")
                                        .build())
                        .evaluationPeriods(5)
                        .datapointsToAlarm(3)
                        .threshold(CONCURRENCY_SHARE * 100)
                        .comparisonOperator("GreaterThanThreshold"));
    }

    /**
     * The stack has grown into the next phase's band on one of the seeds' signals (the phase-signals function's
     * metrics, and distinct users a day from the access log): say which and the promote command to run.
     */
    private void phaseBand(PhaseBands.Band next, Output<Monitoring.Watched> watched) {
        String promote =
                "promote: mvn -q compile exec:java -Dexec.args=\"promote --stack " + stack.stackName() + " --to "
                        + next.phase() + "\" (the seeds' band of phase " + next.phase() + ": " + next.seedTier() + ")";
        Map<String, Double> signals = new java.util.LinkedHashMap<>();
        signals.put("Customers", (double) next.customers());
        signals.put("Opportunities", (double) next.opportunities());
        signals.put("CrmDataBytes", (double) next.dataBytes());
        signals.forEach((metric, threshold) -> register(
                "band-" + metric.toLowerCase(),
                notifying(
                                "band-" + metric.toLowerCase(),
                                metric + " reached phase " + next.phase() + "'s band: " + promote)
                        .namespace("ZebrosCRM")
                        .metricName(metric)
                        .dimensions(Map.of("Stack", stack.stackName()))
                        .statistic("Maximum")
                        .period(3600)
                        .evaluationPeriods(1)
                        .threshold(threshold)
                        .comparisonOperator("GreaterThanOrEqualToThreshold")));
        register(
                "band-users",
                notifying("band-users", "Distinct users a day reached phase " + next.phase() + "'s band: " + promote)
                        .metricQueries(MetricAlarmMetricQueryArgs.builder()
                                .id("users")
                                .label("Distinct users today")
                                .returnData(true)
                                .period(86400)
                                .expression(watched.applyValue(Monitoring.Watched::activeUsers))
                                .build())
                        .evaluationPeriods(1)
                        .threshold((double) next.usersPerDay())
                        .comparisonOperator("GreaterThanOrEqualToThreshold"));
    }

    /** Distinct users in an hour, from the access log (ActiveUsers), in every phase. */
    private void activeUsers(Output<Monitoring.Watched> watched) {
        register(
                "active-users",
                notifying(
                                "active-users",
                                "More than 50 active users this hour: raise DB capacity and cache size (seeds)")
                        .metricQueries(MetricAlarmMetricQueryArgs.builder()
                                .id("users")
                                .label("Distinct users this hour")
                                .returnData(true)
                                .period(3600)
                                .expression(watched.applyValue(Monitoring.Watched::activeUsers))
                                .build())
                        .evaluationPeriods(1)
                        .datapointsToAlarm(1)
                        .threshold(ACTIVE_USERS)
                        .comparisonOperator("GreaterThanThreshold"));
    }

    /** 5XX responses as a share of all requests, above 1 %. */
    private void errorRate(Output<Monitoring.Watched> watched) {
        Output<Map<String, String>> api = watched.applyValue(w -> Map.of("ApiName", w.apiName(), "Stage", w.stage()));
        register(
                "api-errors",
                notifying("api-errors", "API error rate above 1 %: diagnose (seeds)")
                        .metricQueries(
                                input("errors", "AWS/ApiGateway", "5XXError", api, "Sum"),
                                input("requests", "AWS/ApiGateway", "Count", api, "Sum"),
                                MetricAlarmMetricQueryArgs.builder()
                                        .id("rate")
                                        .label("5XX rate (%)")
                                        .returnData(true)
                                        .expression("IF(requests > 0, 100 * errors / requests, 0)")
                                        .build())
                        .evaluationPeriods(5)
                        .datapointsToAlarm(3)
                        .threshold(ERROR_RATE_PERCENT)
                        .comparisonOperator("GreaterThanThreshold"));
    }
}
