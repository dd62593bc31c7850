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
     * @param placement          where its tasks run and what they run
     * @param balancing          how the load balancer reaches them
     * @param tasks              the task range; the service starts at its minimum
     * @param targetPercent      the CPU and memory utilisation the scaling policies hold
     */
    public record Args(
            String name,
            String serviceName,
            FargatePlacement placement,
            Balancing balancing,
            Range tasks,
            double targetPercent) {
        public Args {
            if (tasks.min() < 0 || tasks.max() < tasks.min()) {
                throw new IllegalArgumentException(name + ": the task range " + tasks + " is not a range of counts");
            }
            FargateServiceArgs.requireTargetPercent(name, targetPercent);
        }

        /** More than one count allowed: the service scales, and ECS's desired count is the scaler's. */
        public boolean autoScaled() {
            return tasks.max() > tasks.min();
        }
    }

    /**
     * How the load balancer reaches the tasks: its target group, the container and port it sends to, how long a new
     * task may start before its health checks count, and the listeners the service must wait for.
     */
    public record Balancing(
            Output<String> targetGroupArn,
            String container,
            int containerPort,
            int startupGraceSeconds,
            List<Resource> listeners) {
        public Balancing {
            listeners = List.copyOf(listeners);
        }
    }

    public LoadBalancedFargateService(Args args, CustomResourceOptions options) {
        ContainerCluster cluster = args.placement().cluster();
        service = new Service(
                args.name(),
                FargateServiceArgs.common(
                                args.serviceName(),
                                args.placement(),
                                args.tasks().minInt())
                        .launchType("FARGATE")
                        .loadBalancers(ServiceLoadBalancerArgs.builder()
                                .targetGroupArn(args.balancing().targetGroupArn())
                                .containerName(args.balancing().container())
                                .containerPort(args.balancing().containerPort())
                                .build())
                        .healthCheckGracePeriodSeconds(args.balancing().startupGraceSeconds())
                        .deploymentMinimumHealthyPercent(100)
                        .deploymentMaximumPercent(200)
                        .waitForSteadyState(false)
                        .build(),
                ServiceOptions.of(
                        options.getParent().orElseThrow(),
                        options.getProvider().orElseThrow(),
                        args.autoScaled(),
                        args.balancing().listeners()));
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
