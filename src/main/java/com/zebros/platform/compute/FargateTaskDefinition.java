package com.zebros.platform.compute;

import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.config.TaskSize;
import com.zebros.platform.iam.ServiceRole;

/** A one-container Fargate task definition on Linux x86_64: how Keycloak and every worker run. */
public final class FargateTaskDefinition {
    private FargateTaskDefinition() {}

    public static TaskDefinition create(
            String name,
            String family,
            TaskSize size,
            ServiceRole executionRole,
            ServiceRole taskRole,
            ContainerSpec container,
            CustomResourceOptions options) {
        return new TaskDefinition(
                name,
                TaskDefinitionArgs.builder()
                        .family(family)
                        .requiresCompatibilities("FARGATE")
                        .networkMode("awsvpc")
                        .cpu(String.valueOf(size.cpu()))
                        .memory(String.valueOf(size.memoryMb()))
                        .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                                .operatingSystemFamily("LINUX")
                                .cpuArchitecture("X86_64")
                                .build())
                        .executionRoleArn(executionRole.arn())
                        .taskRoleArn(taskRole.arn())
                        .containerDefinitions(container.toJson())
                        .build(),
                options);
    }
}
