package com.zebros.platform.tools.preflight;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.PlanInputs;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Value rules AWS documents but its models leave open: allowed sets, steps and ranges, each with the
 * page it comes from.
 */
final class ValueRules {
    private static final Set<Long> LOG_RETENTION_DAYS = Set.of(
            1L, 3L, 5L, 7L, 14L, 30L, 60L, 90L, 120L, 150L, 180L, 365L, 400L, 545L, 731L, 1096L, 1827L, 2192L, 2557L,
            2922L, 3288L, 3653L);
    /** Fargate task sizes: CPU units to the memory (MiB) range and step each allows. */
    private static final Map<Long, long[]> FARGATE_MEMORY = Map.of(
            256L,
            new long[] {512, 2048, 512},
            512L,
            new long[] {1024, 4096, 1024},
            1024L,
            new long[] {2048, 8192, 1024},
            2048L,
            new long[] {4096, 16384, 1024},
            4096L,
            new long[] {8192, 30720, 1024},
            8192L,
            new long[] {16384, 61440, 4096},
            16384L,
            new long[] {32768, 122880, 8192});

    private ValueRules() {}

    static List<DocumentedRule> all() {
        return List.of(
                RuleSupport.perResource(
                        "logs-retention-days",
                        AwsTypes.CLOUDWATCH_LOG_GROUP,
                        "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html",
                        ValueRules::logsRetentionDays),
                RuleSupport.perResource(
                        "cloudwatch-alarm-period",
                        AwsTypes.CLOUDWATCH_METRIC_ALARM,
                        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
                        ValueRules::cloudwatchAlarmPeriod),
                RuleSupport.perResource(
                        "fargate-task-size",
                        AwsTypes.ECS_TASK_DEFINITION,
                        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size",
                        ValueRules::fargateTaskSize),
                RuleSupport.perResource(
                        "aurora-serverless-v2-capacity",
                        AwsTypes.RDS_CLUSTER,
                        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.setting-capacity.html",
                        ValueRules::auroraServerlessV2Capacity),
                RuleSupport.perResource(
                        "route53-health-check-interval",
                        AwsTypes.ROUTE53_HEALTH_CHECK,
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html",
                        ValueRules::route53HealthCheckInterval),
                RuleSupport.perResource(
                        "sqs-queue-attributes",
                        AwsTypes.SQS_QUEUE,
                        "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html",
                        ValueRules::sqsQueueAttributes),
                RuleSupport.perResource(
                        "kms-deletion-window",
                        AwsTypes.KMS_KEY,
                        "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html",
                        (r, report) -> within(report, r.inputs(), "deletionWindowInDays", 7, 30)),
                RuleSupport.perResource(
                        "secrets-recovery-window",
                        AwsTypes.SECRETSMANAGER_SECRET,
                        "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html",
                        ValueRules::secretsRecoveryWindow),
                RuleSupport.perResource(
                        "apigateway-integration-timeout",
                        AwsTypes.APIGATEWAY_INTEGRATION,
                        "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html",
                        (r, report) -> within(report, r.inputs(), "timeoutMilliseconds", 50, 29_000)),
                RuleSupport.perResource(
                        "apigateway-authorizer-ttl",
                        AwsTypes.APIGATEWAY_AUTHORIZER,
                        "https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html",
                        (r, report) -> within(report, r.inputs(), "authorizerResultTtlInSeconds", 0, 3_600)),
                RuleSupport.perResource(
                        "lambda-environment-size",
                        AwsTypes.LAMBDA_FUNCTION,
                        "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
                        ValueRules::lambdaEnvironmentSize));
    }

    private static void logsRetentionDays(PlannedResource r, RuleSupport.Reporter report) {
        Double days = Values.number(r.inputs().get("retentionInDays"));
        if (days != null && !LOG_RETENTION_DAYS.contains(days.longValue())) {
            report.finding("retentionInDays", days.longValue(), "must be one of " + LOG_RETENTION_DAYS);
        }
    }

    private static void cloudwatchAlarmPeriod(PlannedResource r, RuleSupport.Reporter report) {
        periods(r.inputs()).forEach((path, period) -> {
            if (period != 10 && period != 30 && period % 60 != 0) {
                report.finding(path, period, "must be 10, 30 or a multiple of 60");
            }
        });
        Double evaluations = Values.number(r.inputs().get("evaluationPeriods"));
        Double datapoints = Values.number(r.inputs().get("datapointsToAlarm"));
        if (evaluations != null && datapoints != null && datapoints > evaluations) {
            report.finding(
                    "datapointsToAlarm",
                    datapoints.longValue(),
                    "must not exceed evaluationPeriods (" + evaluations.longValue() + ")");
        }
        Double period = Values.number(r.inputs().get("period"));
        if (evaluations != null && period != null && evaluations * period > 86_400) {
            report.finding(
                    "evaluationPeriods",
                    evaluations.longValue(),
                    "times the period must not exceed one day (86,400 s)");
        }
    }

    private static void fargateTaskSize(PlannedResource r, RuleSupport.Reporter report) {
        Double cpu = Values.number(r.inputs().get("cpu"));
        Double memory = Values.number(r.inputs().get("memory"));
        if (cpu == null || memory == null) {
            return;
        }
        long[] range = FARGATE_MEMORY.get(cpu.longValue());
        if (range == null) {
            report.finding("cpu", cpu.longValue(), "must be one of " + FARGATE_MEMORY.keySet());
        } else if (memory < range[0] || memory > range[1] || (memory.longValue() - range[0]) % range[2] != 0) {
            report.finding(
                    "memory",
                    memory.longValue(),
                    "with cpu " + cpu.longValue() + " must be " + range[0] + " to " + range[1] + " MiB in steps of "
                            + range[2]);
        }
    }

    private static void auroraServerlessV2Capacity(PlannedResource r, RuleSupport.Reporter report) {
        var scaling = PlanInputs.map(r.inputs().get("serverlessv2ScalingConfiguration"));
        for (String field : List.of("minCapacity", "maxCapacity")) {
            Double acus = Values.number(scaling.get(field));
            if (acus != null && (acus < 0 || acus > 256 || acus * 2 != Math.rint(acus * 2))) {
                report.finding(
                        "serverlessv2ScalingConfiguration." + field, acus, "must be 0 to 256 ACUs in steps of 0.5");
            }
        }
        Double min = Values.number(scaling.get("minCapacity"));
        Double max = Values.number(scaling.get("maxCapacity"));
        if (min != null && max != null && (min > max || max < 1)) {
            report.finding(
                    "serverlessv2ScalingConfiguration.maxCapacity",
                    max,
                    "must be at least 1 ACU and at least minCapacity");
        }
    }

    private static void route53HealthCheckInterval(PlannedResource r, RuleSupport.Reporter report) {
        Double interval = Values.number(r.inputs().get("requestInterval"));
        if (interval != null && interval != 10 && interval != 30) {
            report.finding("requestInterval", interval.longValue(), "must be 10 or 30 seconds");
        }
    }

    private static void sqsQueueAttributes(PlannedResource r, RuleSupport.Reporter report) {
        within(report, r.inputs(), "messageRetentionSeconds", 60, 1_209_600);
        within(report, r.inputs(), "visibilityTimeoutSeconds", 0, 43_200);
        within(report, r.inputs(), "receiveWaitTimeSeconds", 0, 20);
        within(report, r.inputs(), "delaySeconds", 0, 900);
        within(report, r.inputs(), "maxMessageSize", 1_024, 262_144);
    }

    private static void secretsRecoveryWindow(PlannedResource r, RuleSupport.Reporter report) {
        Double days = Values.number(r.inputs().get("recoveryWindowInDays"));
        // 0 is the provider's ForceDeleteWithoutRecovery.
        if (days != null && days != 0 && (days < 7 || days > 30)) {
            report.finding("recoveryWindowInDays", days.longValue(), "must be 7 to 30 days, or 0");
        }
    }

    private static void lambdaEnvironmentSize(PlannedResource r, RuleSupport.Reporter report) {
        var variables = PlanInputs.map(PlanInputs.at(r.inputs(), "environment", "variables"));
        int size = variables.entrySet().stream()
                .mapToInt(
                        e -> e.getKey().length() + String.valueOf(e.getValue()).length())
                .sum();
        if (size > 4096) {
            report.finding("environment.variables", size + " bytes", "must total at most 4 KB");
        }
    }

    private static Map<String, Long> periods(Map<String, Object> inputs) {
        Map<String, Long> periods = new java.util.LinkedHashMap<>();
        Double period = Values.number(inputs.get("period"));
        if (period != null) {
            periods.put("period", period.longValue());
        }
        List<Object> queries = PlanInputs.list(inputs.get("metricQueries"));
        for (int i = 0; i < queries.size(); i++) {
            Double p = Values.number(PlanInputs.at(PlanInputs.map(queries.get(i)), "metric", "period"));
            if (p != null) {
                periods.put("metricQueries[" + i + "].metric.period", p.longValue());
            }
        }
        return periods;
    }

    private static void within(
            RuleSupport.Reporter report, Map<String, Object> inputs, String input, long min, long max) {
        Double value = Values.number(inputs.get(input));
        if (value != null && (value < min || value > max)) {
            report.finding(input, value.longValue(), "must be " + min + " to " + max);
        }
    }
}
