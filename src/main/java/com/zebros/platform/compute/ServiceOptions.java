package com.zebros.platform.compute;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * Options of an ECS service. Once Application Auto Scaling owns the task count, Pulumi must stop
 * resetting it on every {@code up}
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html);
 * the mock engine never sees options, so tests call this.
 */
public final class ServiceOptions {
    private ServiceOptions() {}

    public static CustomResourceOptions of(
            Resource parent, ProviderResource provider, boolean autoScaled, List<Resource> dependsOn) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .dependsOn(dependsOn)
                .ignoreChanges(autoScaled ? List.of("desiredCount") : List.of())
                .build();
    }

    /**
     * A service of queue workers, auto-scaled. A replacement deletes the old service first: ECS refuses a second
     * service of the same name in a cluster while the first is ACTIVE or DRAINING
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html), and the gap is one a queue
     * absorbs: jobs wait in SQS until the new service's tasks poll
     * (https://www.pulumi.com/docs/iac/concepts/options/deletebeforereplace/).
     */
    public static CustomResourceOptions queueWorkers(Resource parent, ProviderResource provider) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .ignoreChanges(List.of("desiredCount"))
                .deleteBeforeReplace(true)
                .build();
    }
}
