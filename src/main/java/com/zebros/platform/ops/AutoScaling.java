package com.zebros.platform.ops;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.config.Range;

/**
 * Application Auto Scaling, the one mechanism behind every "scale at 70 %" of the seeds: DynamoDB
 * capacity, ECS task counts and Lambda provisioned concurrency. A scalable target says the range;
 * target-tracking policies say the signal and the value to hold.
 */
public final class AutoScaling {
    private final Target target;
    private final String name;
    private final CustomResourceOptions options;

    private AutoScaling(String name, Target target, CustomResourceOptions options) {
        this.name = name;
        this.target = target;
        this.options = options;
    }

    /**
     * @param namespace {@code dynamodb}, {@code ecs} or {@code lambda}
     * @param resourceId e.g. {@code table/<name>}, {@code service/<cluster>/<service>}, {@code function:<name>:<alias>}
     * @param dimension e.g. {@code dynamodb:table:WriteCapacityUnits}
     */
    public static AutoScaling target(
            String name,
            String namespace,
            Output<String> resourceId,
            String dimension,
            Range range,
            CustomResourceOptions options) {
        var target = new Target(
                name,
                TargetArgs.builder()
                        .serviceNamespace(namespace)
                        .resourceId(resourceId)
                        .scalableDimension(dimension)
                        .minCapacity(range.minInt())
                        .maxCapacity(range.maxInt())
                        .build(),
                options);
        return new AutoScaling(name, target, options);
    }

    /** Holds an AWS-predefined metric (e.g. {@code DynamoDBWriteCapacityUtilization}) at {@code value}. */
    public Policy track(String suffix, String predefinedMetric, double value) {
        return policy(
                suffix,
                PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                                        .builder()
                                        .predefinedMetricType(predefinedMetric)
                                        .build())
                        .targetValue(value)
                        .scaleInCooldown(120)
                        .scaleOutCooldown(60)
                        .build());
    }

    /** Holds a custom metric (e.g. queue backlog per task) at {@code value}. */
    public Policy trackCustom(
            String suffix,
            PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs metric,
            double value) {
        return policy(
                suffix,
                PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .customizedMetricSpecification(metric)
                        .targetValue(value)
                        .scaleInCooldown(120)
                        .scaleOutCooldown(60)
                        .build());
    }

    private Policy policy(String suffix, PolicyTargetTrackingScalingPolicyConfigurationArgs configuration) {
        return new Policy(
                name + "-" + suffix,
                PolicyArgs.builder()
                        .name(name + "-" + suffix)
                        .policyType("TargetTrackingScaling")
                        .resourceId(target.resourceId())
                        .scalableDimension(target.scalableDimension())
                        .serviceNamespace(target.serviceNamespace())
                        .targetTrackingScalingPolicyConfiguration(configuration)
                        .build(),
                options);
    }

    public Target resource() {
        return target;
    }
}
