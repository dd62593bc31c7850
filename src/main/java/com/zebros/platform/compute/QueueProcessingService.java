package com.zebros.platform.compute;

import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.PhaseTable.ScalingSignal;
import com.zebros.platform.config.Range;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.ops.AutoScaling;
import java.util.List;
import java.util.Set;

/**
 * A queue-processing Fargate service, the shape of the seeds' "Fargate ASG" (phase 1 on): workers
 * that poll their work queue, scaled between a minimum and a maximum on CPU, memory and the queue's
 * backlog per task. The backlog is metric math over the queue's visible messages and Container
 * Insights' running-task count
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).
 * It takes every number in its {@link Args}; which ones a phase gives is the caller's decision ({@link
 * Scaling#forReports}).
 */
public final class QueueProcessingService {
    private final Queue queue;
    private final Queue deadLetters;
    private final Service service;

    /**
     * How the service scales: decided by the caller, validated here.
     *
     * @param tasks          the task range; the service starts at its minimum
     * @param spot           run on Fargate Spot, with one on-demand task as a base
     * @param signals        what the tasks scale on; at least one
     * @param targetPercent  the utilisation each CPU and memory policy holds
     * @param backlogPerTask waiting messages per task that the backlog policy holds
     */
    public record Scaling(
            Range tasks, boolean spot, Set<ScalingSignal> signals, double targetPercent, int backlogPerTask) {
        public Scaling {
            if (signals.isEmpty()) {
                throw new IllegalArgumentException("a queue-processing service scales on at least one signal");
            }
            FargateServiceArgs.requireTargetPercent("a queue-processing service", targetPercent);
            if (signals.contains(ScalingSignal.QUEUE_DEPTH) && backlogPerTask < 1) {
                throw new IllegalArgumentException("scaling on the backlog needs at least one message per task");
            }
            signals = Set.copyOf(signals);
        }

        /** The report workers' pool at a phase: its task range, Spot, signals and targets from the phase table. */
        public static Scaling forReports(PhaseTable phases) {
            Set<ScalingSignal> signals = phases.workerScalingSignals();
            return new Scaling(
                    phases.workerTasks(),
                    phases.workerOnSpot(WorkerKind.REPORT),
                    signals,
                    phases.scalingTargetPercent(),
                    signals.contains(ScalingSignal.QUEUE_DEPTH) ? phases.queueDepthPerTask() : 0);
        }
    }

    /**
     * What the service needs, and nothing else.
     *
     * @param name              the workers' name: the queue's, the service's and the scaling target's
     * @param placement         where its tasks run and what they run
     * @param scaling           how it scales
     */
    public record Args(String name, FargatePlacement placement, Scaling scaling) {}

    public QueueProcessingService(StackContext stack, Args args, CustomResourceOptions options) {
        ContainerCluster cluster = args.placement().cluster();
        var naming = stack.naming();
        String name = args.name();

        // Visible again only after longer than a job may run, so a busy worker's message is not handed to another.
        var queues = QueueWithDeadLetters.of(name + "-work", name + "-work-dead-letters", 3600, 3)
                .longPolling(20)
                .create(naming, options);
        queue = queues.queue();
        deadLetters = queues.deadLetters();

        var serviceArgs = FargateServiceArgs.common(
                naming.physical(name), args.placement(), args.scaling().tasks().minInt());
        // A capacity provider strategy in every phase, never a launch type: a change of strategy is then an update
        // (with forceNewDeployment), where a switch between a launch type and a strategy replaces the service
        // (terraform-provider-aws internal/service/ecs/service.go, capacityProviderStrategyCustomizeDiff).
        if (args.scaling().spot()) {
            // Spot for reports (the seeds' cost strategy); a FARGATE base of one keeps a worker when Spot is short.
            serviceArgs.capacityProviderStrategies(
                    ServiceCapacityProviderStrategyArgs.builder()
                            .capacityProvider("FARGATE")
                            .base(1)
                            .weight(0)
                            .build(),
                    ServiceCapacityProviderStrategyArgs.builder()
                            .capacityProvider("FARGATE_SPOT")
                            .weight(1)
                            .build());
        } else {
            serviceArgs.capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                    .capacityProvider("FARGATE")
                    .weight(1)
                    .build());
        }
        serviceArgs.forceNewDeployment(true);
        service = new Service(
                name,
                serviceArgs.build(),
                ServiceOptions.queueWorkers(
                        options.getParent().orElseThrow(), options.getProvider().orElseThrow()));

        var scaling = AutoScaling.target(
                name + "-tasks",
                "ecs",
                Output.format("service/%s/%s", cluster.name(), service.name()),
                "ecs:service:DesiredCount",
                args.scaling().tasks(),
                options);
        if (args.scaling().signals().contains(ScalingSignal.CPU)) {
            scaling.track(
                    "cpu", "ECSServiceAverageCPUUtilization", args.scaling().targetPercent());
        }
        if (args.scaling().signals().contains(ScalingSignal.MEMORY)) {
            scaling.track(
                    "memory",
                    "ECSServiceAverageMemoryUtilization",
                    args.scaling().targetPercent());
        }
        if (args.scaling().signals().contains(ScalingSignal.QUEUE_DEPTH)) {
            scaling.trackCustom(
                    "backlog",
                    backlogPerTask(queue.name(), cluster.name(), service.name()),
                    args.scaling().backlogPerTask());
        }
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs backlogPerTask(
            Output<String> queueName, Output<String> clusterName, Output<String> serviceName) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs.builder()
                .metrics(
                        metric(
                                "visible",
                                "AWS/SQS",
                                "ApproximateNumberOfMessagesVisible",
                                "Sum",
                                List.of(dimension("QueueName", queueName))),
                        metric(
                                "running",
                                "ECS/ContainerInsights",
                                "RunningTaskCount",
                                "Average",
                                List.of(dimension("ClusterName", clusterName), dimension("ServiceName", serviceName))),
                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                                .id("backlog")
                                .label("Jobs waiting per worker")
                                .expression("visible / IF(running > 0, running, 1)")
                                .returnData(true)
                                .build())
                .build();
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs metric(
            String id,
            String namespace,
            String metricName,
            String stat,
            List<
                            PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs>
                    dimensions) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                .id(id)
                .returnData(false)
                .metricStat(
                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs
                                .builder()
                                .stat(stat)
                                .metric(
                                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs
                                                .builder()
                                                .namespace(namespace)
                                                .metricName(metricName)
                                                .dimensions(dimensions)
                                                .build())
                                .build())
                .build();
    }

    private static
    PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs
            dimension(String name, Output<String> value) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs
                .builder()
                .name(name)
                .value(value)
                .build();
    }

    public Output<String> queueUrl() {
        return queue.url();
    }

    public Output<String> queueArn() {
        return queue.arn();
    }

    public Output<String> queueName() {
        return queue.name();
    }

    /** Where a work message lands after its third receive: no worker finished it. */
    public Output<String> deadLetterQueueName() {
        return deadLetters.name();
    }

    public Service service() {
        return service;
    }
}
