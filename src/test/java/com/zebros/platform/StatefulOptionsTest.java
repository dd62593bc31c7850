package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock engine never sees options, so the factory is tested directly (Pulumi mocks see type, name, inputs and provider only: https://www.pulumi.com/docs/reference/pkg/java/com/pulumi/test/Mocks.ResourceArgs.html). */
class StatefulOptionsTest {

    @Test
    void everyStatefulResourceIsProtected() {
        assertTrue(
                StatefulOptions.table(true, null, null, false, false).isProtect(),
                "tables (https://www.pulumi.com/docs/iac/concepts/options/protect/)");
        assertTrue(StatefulOptions.kmsKey(true, null, null).isProtect(), "KMS keys");
        assertTrue(StatefulOptions.bucket(true, null, null).isProtect(), "buckets");
        assertTrue(StatefulOptions.secret(true, null, null).isProtect(), "the credentials secret");
        for (Role role : Role.values()) {
            assertTrue(
                    StatefulOptions.auroraCluster(true, null, null, role.isGlobal())
                            .isProtect(),
                    "Aurora, " + role);
        }
    }

    /**
     * A throw-away stack ({@code zebros:deletionProtection: false}, like dev) must be destroyable
     * without {@code --ignore-protect}: the engine refuses to delete a protected resource.
     */
    @Test
    void aStackWithoutDeletionProtectionProtectsNothing() {
        assertFalse(StatefulOptions.table(false, null, null, true, true).isProtect(), "tables");
        assertFalse(StatefulOptions.tableReplica(false, null, null, List.of()).isProtect(), "replicas");
        assertFalse(StatefulOptions.kmsKey(false, null, null).isProtect(), "KMS keys");
        assertFalse(StatefulOptions.bucket(false, null, null).isProtect(), "buckets");
        assertFalse(StatefulOptions.secret(false, null, null).isProtect(), "secrets");
        assertFalse(StatefulOptions.globalCluster(false, null, null).isProtect(), "the global cluster");
        for (Role role : Role.values()) {
            assertFalse(
                    StatefulOptions.auroraCluster(false, null, null, role.isGlobal())
                            .isProtect(),
                    "Aurora, " + role);
        }
    }

    @Test
    void anOnDemandTableIgnoresNothingAndAnAutoScaledOneIgnoresItsCapacities() {
        assertEquals(
                List.of(), StatefulOptions.table(true, null, null, false, false).getIgnoreChanges());
        List<String> ignored =
                StatefulOptions.table(true, null, null, true, false).getIgnoreChanges();
        assertTrue(
                ignored.containsAll(List.of("readCapacity", "writeCapacity")),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table: "
                        + ignored);
        assertTrue(
                StatefulOptions.table(true, null, null, false, true)
                        .getIgnoreChanges()
                        .contains("replicas"),
                "a global table leaves its replicas to the TableReplica resources (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica)");
    }

    @Test
    void aReplicaIsProtectedAndWaitsForItsTablesWriteScaling() {
        var options = StatefulOptions.tableReplica(true, null, null, List.of());
        assertTrue(
                options.isProtect(),
                "removing a replica deletes that region's copy (https://github.com/pulumi/pulumi-aws/issues/5377)");
    }

    @Test
    void theGlobalClusterIgnoresWhatWouldReplaceItAndDetachItsMembers() {
        var options = StatefulOptions.globalCluster(true, null, null);
        assertTrue(options.isProtect());
        assertTrue(
                options.getIgnoreChanges().containsAll(List.of("sourceDbClusterIdentifier", "databaseName")),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster, https://github.com/hashicorp/terraform-provider-aws/issues/28187: "
                        + options.getIgnoreChanges());
    }

    @Test
    void redisCanBeRemovedWhenAStackStepsDownAndIgnoresItsWriteOnlyToken() {
        var options = StatefulOptions.cache(null, null);
        assertFalse(options.isProtect(), "a cache layer must be removable by a step down");
        assertEquals(List.of("authToken"), options.getIgnoreChanges());
    }

    @Test
    void anAutoScaledServiceLeavesItsTaskCountToAutoScaling() {
        assertEquals(
                List.of("desiredCount"),
                com.zebros.platform.compute.ServiceOptions.of(null, null, true, List.of())
                        .getIgnoreChanges(),
                "https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html");
        assertEquals(
                List.of(),
                com.zebros.platform.compute.ServiceOptions.of(null, null, false, List.of())
                        .getIgnoreChanges());
    }

    @Test
    void everyAuroraClusterIgnoresItsGlobalClusterSoAttachingOneNeverDetachesIt() {
        for (Role role : Role.values()) {
            assertTrue(
                    StatefulOptions.auroraCluster(true, null, null, role.isGlobal())
                            .getIgnoreChanges()
                            .contains("globalClusterIdentifier"),
                    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster, "
                            + role);
        }
        assertFalse(
                StatefulOptions.auroraCluster(true, null, null, false)
                        .getIgnoreChanges()
                        .contains("engineVersion"),
                "a standalone cluster upgrades itself");
        assertTrue(
                StatefulOptions.auroraCluster(true, null, null, true)
                        .getIgnoreChanges()
                        .contains("engineVersion"),
                "global members upgrade through the global cluster (https://www.pulumi.com/registry/packages/aws/api-docs/rds/globalcluster/)");
    }
}
