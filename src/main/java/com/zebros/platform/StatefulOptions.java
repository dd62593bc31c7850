package com.zebros.platform;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource options of every stateful resource, built in one place. Pulumi's mock engine never
 * sees options, so tests call these factories directly (the mocks receive type, name, inputs and provider only:
 * https://www.pulumi.com/docs/reference/pkg/java/com/pulumi/test/Mocks.ResourceArgs.html).
 *
 * <p>Every stateful resource of a stack with {@code zebros:deletionProtection} (the default) is
 * protected: a replacement or a {@code destroy} would lose data. A throw-away stack (dev sets
 * {@code zebros:deletionProtection: false}) is not, so {@code pulumi destroy} works on it without
 * {@code --ignore-protect} (Pulumi refuses to delete a protected resource:
 * https://www.pulumi.com/docs/iac/concepts/options/protect/). Ignored properties are the ones AWS
 * changes behind Pulumi's back.
 */
public final class StatefulOptions {

    private StatefulOptions() {}

    /**
     * A DynamoDB table. Auto-scaled capacities are ignored as drift, or every {@code up} would reset
     * them to the minimum (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table);
     * GSI capacities live inside {@code globalSecondaryIndexes}.
     */
    public static CustomResourceOptions table(
            boolean protect, Resource parent, ProviderResource provider, boolean autoScaled, boolean global) {
        List<String> ignore = new ArrayList<>();
        if (autoScaled) {
            ignore.addAll(List.of(
                    "readCapacity",
                    "writeCapacity",
                    "globalSecondaryIndexes[*].readCapacity",
                    "globalSecondaryIndexes[*].writeCapacity"));
        }
        if (global) {
            // Replicas are TableReplica resources; the table must not fight them over them
            // (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica).
            ignore.add("replicas");
        }
        return child(protect, parent, provider, ignore);
    }

    /**
     * A global table's replica in the peer region. Removing it deletes that region's copy
     * (https://github.com/pulumi/pulumi-aws/issues/5377); a provisioned replica may only be created once the table's
     * write auto-scaling exists (https://github.com/hashicorp/terraform-provider-aws/issues/13097).
     */
    public static CustomResourceOptions tableReplica(
            boolean protect, Resource parent, ProviderResource peerProvider, List<Resource> writeScaling) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(peerProvider)
                .protect(protect)
                .dependsOn(writeScaling)
                .build();
    }

    /**
     * The Aurora global cluster made from an existing cluster
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster,
     * https://github.com/hashicorp/terraform-provider-aws/issues/28187): the source has no read API and the database
     * name drifts to null on later reads, either of which would replace the global cluster and detach every member.
     */
    public static CustomResourceOptions globalCluster(boolean protect, Resource parent, ProviderResource provider) {
        return child(
                protect,
                parent,
                provider,
                List.of("sourceDbClusterIdentifier", "databaseName", "engine", "engineVersion"));
    }

    public static CustomResourceOptions kmsKey(boolean protect, Resource parent, ProviderResource provider) {
        return child(protect, parent, provider, List.of());
    }

    public static CustomResourceOptions bucket(boolean protect, Resource parent, ProviderResource provider) {
        return child(protect, parent, provider, List.of());
    }

    /**
     * An Aurora regional cluster. {@code globalClusterIdentifier} is always ignored: a standalone or
     * primary cluster becomes global by a global cluster created from it, and a drift of that field to
     * null would detach it
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster). Members of a
     * global database take engine upgrades through the global cluster, so they ignore {@code engineVersion} too
     * (https://www.pulumi.com/registry/packages/aws/api-docs/rds/globalcluster/).
     */
    public static CustomResourceOptions auroraCluster(
            boolean protect, Resource parent, ProviderResource provider, boolean globalMember) {
        List<String> ignore = new ArrayList<>(List.of("globalClusterIdentifier", "snapshotIdentifier"));
        if (globalMember) {
            ignore.add("engineVersion");
            ignore.add("replicationSourceIdentifier");
        }
        return child(protect, parent, provider, ignore);
    }

    /**
     * The Redis replication group. Not protected, unlike https://www.pulumi.com/docs/iac/concepts/options/protect/'s
     * suggestion: it holds sessions and cached items that rebuild themselves, and stepping a stack down from phase 2
     * must be able to remove the layer. Its AUTH token is write-only in AWS, so a drift there is never real.
     */
    public static CustomResourceOptions cache(Resource parent, ProviderResource provider) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .ignoreChanges(List.of("authToken"))
                .build();
    }

    /** The secret that holds the database credentials: losing it locks Keycloak out. */
    public static CustomResourceOptions secret(boolean protect, Resource parent, ProviderResource provider) {
        return child(protect, parent, provider, List.of());
    }

    private static CustomResourceOptions child(
            boolean protect, Resource parent, ProviderResource provider, List<String> ignore) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .protect(protect)
                .ignoreChanges(ignore)
                .build();
    }
}
