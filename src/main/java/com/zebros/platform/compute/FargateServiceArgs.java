package com.zebros.platform.compute;

import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import java.util.List;

/** What every Fargate service of the program shares, whatever feeds it: private tasks, rollback, tags. */
final class FargateServiceArgs {
    private FargateServiceArgs() {}

    /** The utilisation a target-tracking policy holds is a percentage: more than 0, at most 100. */
    static void requireTargetPercent(String service, double targetPercent) {
        if (targetPercent <= 0 || targetPercent > 100) {
            throw new IllegalArgumentException(
                    service + ": the target utilisation is a percentage, was " + targetPercent);
        }
    }

    /**
     * A service of {@code desiredCount} tasks of {@code taskDefinitionArn} in private subnets (no public IP),
     * on Fargate platform 1.4.0, rolled back when a deployment fails, its tags on its tasks.
     */
    static ServiceArgs.Builder common(String serviceName, FargatePlacement placement, int desiredCount) {
        return ServiceArgs.builder()
                .name(serviceName)
                .cluster(placement.cluster().arn())
                .taskDefinition(placement.taskDefinitionArn())
                .desiredCount(desiredCount)
                .platformVersion("1.4.0")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(placement.subnets())
                        .securityGroups(placement.securityGroup().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .propagateTags("SERVICE");
    }
}
