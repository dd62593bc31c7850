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
    private ServiceOptions() {
    }

    public static CustomResourceOptions of(Resource parent, ProviderResource provider, boolean autoScaled,
                                           List<Resource> dependsOn) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .dependsOn(dependsOn)
                .ignoreChanges(autoScaled ? List.of("desiredCount") : List.of())
                .build();
    }
}
