package com.zebros.platform.compute;

import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * How long each kind of job takes, from the line every worker logs when a job is done
 * ({@code {"message":"job done","kind":"report","seconds":12.3,...}}, containers' JobRunner): the job state
 * machine serves every kind, so its ExecutionTime mixes them, and a report's time is only seen here. A metric
 * filter reads the worker's own log group, whichever way the job ran (pool or one task per job).
 * Filter syntax: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
public final class JobDurationMetric {
    public static final String NAMESPACE = "ZebrosCRM";
    public static final String METRIC = "JobSeconds";
    static final String PATTERN = "{ $.message = \"job done\" }";

    private JobDurationMetric() {}

    static LogMetricFilter filter(
            String name, String physicalName, Output<String> logGroup, CustomResourceOptions options) {
        return new LogMetricFilter(
                name,
                LogMetricFilterArgs.builder()
                        .name(physicalName)
                        .logGroupName(logGroup)
                        .pattern(PATTERN)
                        .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                                .namespace(NAMESPACE)
                                .name(METRIC)
                                .value("$.seconds")
                                .unit("Seconds")
                                .dimensions(Map.of("Kind", "$.kind"))
                                .build())
                        .build(),
                options);
    }
}
