package com.zebros.platform.compute;

import com.pulumi.core.Output;
import java.util.List;

/**
 * Where a Fargate service's tasks run: its cluster, the task definition they run, and the private subnets and
 * security group they get (no public address): what both Fargate patterns, and {@link FargateServiceArgs}, take.
 */
public record FargatePlacement(
        ContainerCluster cluster,
        Output<String> taskDefinitionArn,
        Output<List<String>> subnets,
        Output<String> securityGroup) {}
