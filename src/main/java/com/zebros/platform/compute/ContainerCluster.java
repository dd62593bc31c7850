package com.zebros.platform.compute;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import java.util.Map;

/**
 * The ECS cluster that runs Keycloak and the workers. Container Insights is on: the seeds watch
 * Fargate CPU and memory, and the report pool's queue-depth scaling (from phase 1) divides by its RunningTaskCount.
 * FARGATE_SPOT is associated from the start so the phase-3 report tier can use it
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html).
 */
public final class ContainerCluster extends ZebrosComponent {
    private final Cluster cluster;

    /**
     * Nothing to configure: Container Insights is what the dashboard and the report pool's backlog-per-task scaling
     * read, and both capacity providers are what the phases use, so neither is a choice.
     */
    public ContainerCluster(String name, StackContext stack) {
        super("zebros:compute:ContainerCluster", name, stack);
        cluster = new Cluster(
                name,
                ClusterArgs.builder()
                        .name(stack.naming().physical("cluster"))
                        .settings(ClusterSettingArgs.builder()
                                .name("containerInsights")
                                .value("enabled")
                                .build())
                        .build(),
                child());
        new ClusterCapacityProviders(
                name + "-capacity",
                ClusterCapacityProvidersArgs.builder()
                        .clusterName(cluster.name())
                        .capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategies(
                                ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                                        .capacityProvider("FARGATE")
                                        .weight(1)
                                        .base(0)
                                        .build())
                        .build(),
                child());
        registerOutputs(Map.of("clusterName", cluster.name()));
    }

    public Output<String> arn() {
        return cluster.arn();
    }

    public Output<String> name() {
        return cluster.name();
    }
}
