package com.zebros.platform.compute;

import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.zebros.platform.config.Range;
import com.zebros.platform.ops.AutoScaling;
import java.util.List;

/**
 * A load-balanced Fargate service: tasks in private subnets registered with a target group, rolled
 * back when a deployment fails and never below their count while rolling, and, when the task range
 * allows more than one count, scaled on CPU and memory: two target-tracking policies on one target
 * scale out on either and in only when both allow it
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html).
 * It takes every value in its {@link Args}.
 */
public final class LoadBalancedFargateService {
    private final Service service;

    /**
     * What the service needs, and nothing else.
     *
     * @param name               the resources' name (the service's and the scaling target's, with "-tasks")
     * @param serviceName        the ECS service's physical name
     * @param cluster            the cluster the service runs in
     * @param taskDefinitionArn  the task definition to run
     * @param subnets            where tasks run (private subnets: no public IP)
     * @param securityGroup      the tasks' security group
     * @param targetGroupArn     the target group tasks register with
     * @param container          the container and port the target group sends to
     * @param containerPort      that container's port
     * @param tasks              the task range; the service starts at its minimum
     * @param startupGraceSeconds how long the load balancer's health checks are ignored after a task starts
     * @param listeners          the listeners that must exist before tasks register
     * @param targetPercent      the CPU and memory utilisation the scaling policies hold
     */
    public record Args(
            String name,
            String serviceName,
            ContainerCluster cluster,
            Output<String> taskDefinitionArn,
            Output<List<String>> subnets,
            Output<String> securityGroup,
            Output<String> targetGroupArn,
            String container,
            int containerPort,
            Range tasks,
            int startupGraceSeconds,
            List<Resource> listeners,
            double targetPercent) {
        public Args {
            if (tasks.min() < 0 || tasks.max() < tasks.min()) {
                throw new IllegalArgumentException(name + ": the task range " + tasks + " is not a range of counts");
            }
            FargateServiceArgs.requireTargetPercent(name, targetPercent);
            listeners = List.copyOf(listeners);
        }

        /** More than one count allowed: the service scales, and ECS's desired count is the scaler's. */
        public boolean autoScaled() {
            return tasks.max() > tasks.min();
        }
    }

    public LoadBalancedFargateService(Args args, CustomResourceOptions options) {
        ContainerCluster cluster = args.cluster();
        service = new Service(
                args.name(),
                FargateServiceArgs.common(
                                args.serviceName(),
                                cluster,
                                args.taskDefinitionArn(),
                                args.tasks().minInt(),
                                args.subnets(),
                                args.securityGroup())
                        .launchType("FARGATE")
                        .loadBalancers(ServiceLoadBalancerArgs.builder()
                                .targetGroupArn(args.targetGroupArn())
                                .containerName(args.container())
                                .containerPort(args.containerPort())
                                .build())
                        .healthCheckGracePeriodSeconds(args.startupGraceSeconds())
                        .deploymentMinimumHealthyPercent(100)
                        .deploymentMaximumPercent(200)
                        .waitForSteadyState(false)
                        .build(),
                ServiceOptions.of(
                        options.getParent().orElseThrow(),
                        options.getProvider().orElseThrow(),
                        args.autoScaled(),
                        args.listeners()));
        if (args.autoScaled()) {
            var scaling = AutoScaling.target(
                    args.name() + "-tasks",
                    "ecs",
                    Output.format("service/%s/%s", cluster.name(), service.name()),
                    "ecs:service:DesiredCount",
                    args.tasks(),
                    options);
            scaling.track("cpu", "ECSServiceAverageCPUUtilization", args.targetPercent());
            scaling.track("memory", "ECSServiceAverageMemoryUtilization", args.targetPercent());
        }
    }

    public Service service() {
        return service;
    }
}
