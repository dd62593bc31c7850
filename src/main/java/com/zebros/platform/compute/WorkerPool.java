package com.zebros.platform.compute;

import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.PhaseTable.ScalingSignal;
import com.zebros.platform.config.Range;
import com.zebros.platform.ops.AutoScaling;
import java.util.List;

/**
 * The seeds' "Fargate ASG" from phase 1: a service of workers that poll their work queue, scaled
 * between the phase's minimum and maximum on CPU (phase 1), then also on memory and on the queue's
 * backlog per task (phase 2: more than ten waiting jobs per worker adds one). The backlog is metric
 * math over the queue's visible messages and Container Insights' running-task count (docs/aws-constraints.md ECS-03).
 */
public final class WorkerPool {
    private final Queue queue;
    private final Service service;

    public WorkerPool(WorkerTask worker, StackContext stack, ContainerCluster cluster, Output<List<String>> subnets,
                      Output<String> securityGroup, CustomResourceOptions options) {
        var naming = stack.naming();
        String name = worker.kind().image();
        PhaseTable phases = stack.phases();

        // Visible again only after longer than a job may run, so a busy worker's message is not handed to another.
        queue = new QueueWithDeadLetters(name + "-work", name + "-work-dead-letters", 3600, 20, null, 3).create(naming, options);

        Range tasks = phases.workerTasks();
        boolean spot = phases.workerOnSpot(worker.kind());
        var args = ServiceArgs.builder()
                .name(naming.physical(name))
                .cluster(cluster.arn())
                .taskDefinition(worker.taskDefinitionArn())
                .desiredCount(tasks.minInt())
                .platformVersion("1.4.0")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(subnets)
                        .securityGroups(securityGroup.applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .propagateTags("SERVICE");
        if (spot) {
            // Spot for reports (the seeds' cost strategy); a FARGATE base of one keeps a worker when Spot is short.
            args.capacityProviderStrategies(
                    ServiceCapacityProviderStrategyArgs.builder().capacityProvider("FARGATE").base(1).weight(0).build(),
                    ServiceCapacityProviderStrategyArgs.builder().capacityProvider("FARGATE_SPOT").weight(1).build());
        } else {
            args.launchType("FARGATE");
        }
        service = new Service(name, args.build(), ServiceOptions.of(options.getParent().orElseThrow(),
                options.getProvider().orElseThrow(), true, List.of()));

        var scaling = AutoScaling.target(name + "-tasks", "ecs",
                Output.tuple(cluster.name(), service.name()).applyValue(t -> "service/" + t.t1 + "/" + t.t2),
                "ecs:service:DesiredCount", tasks, options);
        double target = phases.scalingTargetPercent();
        if (phases.workerScalingSignals().contains(ScalingSignal.CPU)) {
            scaling.track("cpu", "ECSServiceAverageCPUUtilization", target);
        }
        if (phases.workerScalingSignals().contains(ScalingSignal.MEMORY)) {
            scaling.track("memory", "ECSServiceAverageMemoryUtilization", target);
        }
        if (phases.workerScalingSignals().contains(ScalingSignal.QUEUE_DEPTH)) {
            scaling.trackCustom("backlog", backlogPerTask(queue.name(), cluster.name(), service.name()),
                    phases.queueDepthPerTask());
        }
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs backlogPerTask(
            Output<String> queueName, Output<String> clusterName, Output<String> serviceName) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs.builder()
                .metrics(
                        metric("visible", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Sum",
                                List.of(dimension("QueueName", queueName))),
                        metric("running", "ECS/ContainerInsights", "RunningTaskCount", "Average",
                                List.of(dimension("ClusterName", clusterName), dimension("ServiceName", serviceName))),
                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                                .id("backlog").label("Jobs waiting per worker")
                                .expression("visible / IF(running > 0, running, 1)").returnData(true).build())
                .build();
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs metric(
            String id, String namespace, String metricName, String stat,
            List<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs> dimensions) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                .id(id)
                .returnData(false)
                .metricStat(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs.builder()
                        .stat(stat)
                        .metric(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs.builder()
                                .namespace(namespace).metricName(metricName).dimensions(dimensions).build())
                        .build())
                .build();
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs dimension(
            String name, Output<String> value) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs.builder()
                .name(name).value(value).build();
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

    public Service service() {
        return service;
    }
}
