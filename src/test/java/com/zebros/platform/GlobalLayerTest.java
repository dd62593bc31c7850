package com.zebros.platform;

import static com.zebros.platform.support.PlannedStack.list;
import static com.zebros.platform.support.PlannedStack.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.PlannedStack;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import com.zebros.platform.tools.offline.PlannedResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** prod-us (primary, us-east-1) and prod-eu (secondary, eu-west-1) at every phase. */
class GlobalLayerTest {
    private static final List<String> TABLES = List.of("customers", "contacts", "opportunities", "activities", "jobs");

    private static PlannedStack us(int phase) {
        return StackHarness.plan("prod-us", phase);
    }

    private static PlannedStack eu(int phase) {
        return StackHarness.plan("prod-eu", phase);
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void thePrimarysTablesAreGlobalWithAProtectedEncryptedReplicaInThePeerRegion(int phase) {
        var plan = us(phase);
        for (String table : TABLES) {
            var inputs = plan.inputs("aws:dynamodb/table:Table", table);
            assertEquals(
                    true,
                    inputs.get("streamEnabled"),
                    "https://github.com/hashicorp/terraform-provider-aws/issues/43625");
            assertEquals("NEW_AND_OLD_IMAGES", inputs.get("streamViewType"));
            assertNull(
                    inputs.get("replicas"),
                    "replicas are TableReplica resources, never both (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica)");
            var replica = plan.inputs("aws:dynamodb/tableReplica:TableReplica", table + "-replica");
            assertEquals(
                    "arn:aws:dynamodb:us-east-1:123456789012:table/zebros-prod-us-" + table,
                    replica.get("globalTableArn"));
            assertTrue(
                    String.valueOf(replica.get("kmsKeyArn")).startsWith("arn:aws:kms:eu-west-1:"),
                    "the replica's key lives in the replica's region (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table)");
            assertEquals(
                    true,
                    replica.get("pointInTimeRecovery"),
                    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table");
            assertEquals(
                    true,
                    replica.get("deletionProtectionEnabled"),
                    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table");
        }
        assertTrue(plan.has("aws:kms/key:Key", "tables-replica-key"));
        assertTrue(String.valueOf(plan.output("tablesReplicaKeyArn")).contains(":eu-west-1:"));
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void theSecondaryDeclaresNoTableAndUsesTheReplicasInItsOwnRegion(int phase) {
        var plan = eu(phase);
        assertEquals(
                List.of(),
                plan.all("aws:dynamodb/table:Table"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table: the replicas already exist");
        var env =
                map(map(plan.inputs("aws:lambda/function:Function", "customers").get("environment"))
                        .get("variables"));
        assertEquals("zebros-prod-us-customers", env.get("CUSTOMERS_TABLE"), "the replica carries the primary's name");
        String policy = String.valueOf(plan.inputs("aws:iam/rolePolicy:RolePolicy", "customers-role-policy")
                .get("policy"));
        assertTrue(policy.contains("arn:aws:dynamodb:eu-west-1:123456789012:table/zebros-prod-us-customers"), policy);
        var mapping = plan.inputs("aws:lambda/eventSourceMapping:EventSourceMapping", "opportunity-stage-changes");
        assertTrue(
                String.valueOf(mapping.get("eventSourceArn")).contains(":eu-west-1:"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table: the replica's own stream");
        assertEquals(false, mapping.get("enabled"), "only the active region notifies");
        Set<String> scaled = plan.all("aws:appautoscaling/target:Target").stream()
                .filter(t -> "dynamodb".equals(t.inputs().get("serviceNamespace")))
                .map(t -> String.valueOf(t.inputs().get("resourceId")))
                .collect(Collectors.toSet());
        if (phase == 0) {
            assertEquals(Set.of(), scaled);
        } else {
            assertTrue(
                    scaled.contains("table/zebros-prod-us-customers"),
                    "the secondary owns its replicas' scaling (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html)");
            assertTrue(scaled.contains("table/zebros-prod-us-opportunities/index/byStage"));
            assertEquals(
                    us(phase)
                            .inputs("aws:appautoscaling/target:Target", "customers-write")
                            .get("maxCapacity"),
                    plan.inputs("aws:appautoscaling/target:Target", "customers-replica-write")
                            .get("maxCapacity"),
                    "write capacity set consistently across replicas");
        }
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 3})
    void theSecondaryReplicatesBothBucketsBothWays(int phase) {
        var plan = eu(phase);
        var configs = plan.all("aws:s3/bucketReplicationConfig:BucketReplicationConfig");
        assertEquals(
                2,
                configs.size(),
                "one per source bucket (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration)");
        assertTrue(
                us(phase)
                        .all("aws:s3/bucketReplicationConfig:BucketReplicationConfig")
                        .isEmpty(),
                "the primary owns none: no cycle between the stacks");
        var fromPrimary =
                plan.inputs("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "replication-from-primary");
        assertEquals("zebros-prod-us-files-123456789012-us-east-1", fromPrimary.get("bucket"));
        var rule = map(list(fromPrimary.get("rules")).get(0));
        var destination = map(rule.get("destination"));
        assertEquals("arn:aws:s3:::zebros-prod-eu-files-123456789012-eu-west-1", destination.get("bucket"));
        assertTrue(
                String.valueOf(map(destination.get("encryptionConfiguration")).get("replicaKmsKeyId"))
                        .startsWith("arn:aws:kms:eu-west-1:"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration: the destination region's key, full ARN");
        assertEquals(Map.of("status", "Enabled"), rule.get("deleteMarkerReplication"));
        assertEquals(
                Map.of("prefix", ""),
                rule.get("filter"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration: V2 schema");
        assertEquals(Map.of("status", "Enabled", "time", Map.of("minutes", 15L)), destination.get("replicationTime"));
        assertEquals(
                Map.of("status", "Enabled", "eventThreshold", Map.of("minutes", 15L)),
                destination.get("metrics"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration: RTC needs metrics");
        var back =
                map(list(plan.inputs("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "replication-to-primary")
                                .get("rules"))
                        .get(0));
        assertEquals(
                "arn:aws:s3:::zebros-prod-us-files-123456789012-us-east-1",
                map(back.get("destination")).get("bucket"));
        String role = String.valueOf(plan.inputs("aws:iam/rolePolicy:RolePolicy", "replication-role-policy")
                .get("policy"));
        for (String action : List.of(
                "s3:GetReplicationConfiguration",
                "s3:ListBucket",
                "s3:GetObjectVersionForReplication",
                "s3:ReplicateObject",
                "s3:ReplicateDelete",
                "s3:ReplicateTags",
                "kms:Decrypt",
                "kms:Encrypt")) {
            assertTrue(
                    role.contains(action),
                    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration: "
                            + action);
        }
        assertEquals(
                "s3.amazonaws.com",
                String.valueOf(plan.inputs("aws:iam/role:Role", "replication-role")
                                .get("assumeRolePolicy"))
                        .replaceAll(".*\"Service\":\"([^\"]+)\".*", "$1"));
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void theGlobalClusterIsMadeFromThePrimarysClusterAndTheSecondaryJoinsWithoutCredentials(int phase) {
        var global = us(phase).inputs("aws:rds/globalCluster:GlobalCluster", "auth-db-global");
        assertEquals(
                "arn:aws:rds:us-east-1:123456789012:cluster:zebros-prod-us-auth-us-east-1",
                global.get("sourceDbClusterIdentifier"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster: the existing cluster becomes global in place");
        assertEquals(true, global.get("forceDestroy"));
        assertNull(
                global.get("engine"),
                "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster: no engine beside a source");
        assertNull(
                us(phase).inputs("aws:rds/cluster:Cluster", "auth-db").get("globalClusterIdentifier"),
                "the primary's cluster never names the global cluster (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster)");
        var secondary = eu(phase).inputs("aws:rds/cluster:Cluster", "auth-db");
        for (String credential :
                List.of("masterUsername", "masterPassword", "databaseName", "manageMasterUserPassword")) {
            assertFalse(
                    secondary.containsKey(credential),
                    "https://github.com/pulumi/pulumi-aws/issues/3751, https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html: the secondary sets no "
                            + credential);
        }
        assertEquals("zebros-prod-us-auth-global", secondary.get("globalClusterIdentifier"));
        assertTrue(
                String.valueOf(secondary.get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"),
                "https://github.com/terraform-aws-modules/terraform-aws-rds-aurora/tree/master/examples/global-cluster");
        assertNotEquals(
                secondary.get("clusterIdentifier"),
                us(phase).inputs("aws:rds/cluster:Cluster", "auth-db").get("clusterIdentifier"));
        assertTrue(
                String.valueOf(secondary.get("clusterIdentifier")).endsWith("-eu-west-1"),
                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html");
        for (PlannedStack plan : List.of(us(phase), eu(phase))) {
            assertTrue(
                    String.valueOf(plan.output("dbWriterEndpoint")).contains(".global."),
                    "https://www.pulumi.com/registry/packages/aws/api-docs/rds/globalcluster/: the global writer");
            String container = String.valueOf(plan.inputs("aws:ecs/taskDefinition:TaskDefinition", "keycloak")
                    .get("containerDefinitions"));
            assertTrue(
                    container.contains("jdbc:postgresql://zebros-prod-us-auth-global.global"),
                    "Keycloak writes through the global endpoint");
        }
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void theSecondarysKeycloakStandsByAtZeroWhileItsFunctionsStandAtFullSize(int phase) {
        assertEquals(
                0L,
                eu(phase).inputs("aws:ecs/service:Service", "keycloak").get("desiredCount"),
                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html");
        assertEquals(
                us(phase).inputs("aws:lambda/function:Function", "analytics").get("memorySize"),
                eu(phase).inputs("aws:lambda/function:Function", "analytics").get("memorySize"));
        assertEquals(
                us(phase).all("aws:lambda/function:Function").size(),
                eu(phase).all("aws:lambda/function:Function").size());
        if (phase >= 1) {
            assertEquals(
                    0L,
                    eu(phase)
                            .inputs("aws:appautoscaling/target:Target", "keycloak-tasks")
                            .get("minCapacity"));
            assertEquals(
                    us(phase)
                            .inputs("aws:appautoscaling/target:Target", "keycloak-tasks")
                            .get("maxCapacity"),
                    eu(phase)
                            .inputs("aws:appautoscaling/target:Target", "keycloak-tasks")
                            .get("maxCapacity"));
            assertEquals(
                    us(phase)
                            .inputs("aws:appautoscaling/target:Target", "report-worker-tasks")
                            .get("minCapacity"),
                    eu(phase)
                            .inputs("aws:appautoscaling/target:Target", "report-worker-tasks")
                            .get("minCapacity"),
                    "workers stand by at full phase size");
        }
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void eachRegionWritesItsHalfOfTheFailoverPairsWithHealthChecksOnItsOwnNames(int phase) {
        for (String name : List.of("edge-failover-api", "edge-failover-auth")) {
            var primary = us(phase).inputs("aws:route53/record:Record", name);
            var secondary = eu(phase).inputs("aws:route53/record:Record", name);
            assertEquals(
                    primary.get("name"),
                    secondary.get("name"),
                    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-failover-alias.html: same name");
            assertEquals(primary.get("type"), secondary.get("type"));
            assertEquals(List.of(Map.of("type", "PRIMARY")), primary.get("failoverRoutingPolicies"));
            assertEquals(List.of(Map.of("type", "SECONDARY")), secondary.get("failoverRoutingPolicies"));
            assertEquals("us-east-1", primary.get("setIdentifier"));
            assertEquals("eu-west-1", secondary.get("setIdentifier"));
            assertTrue(
                    String.valueOf(primary.get("healthCheckId")).length() > 10,
                    "https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html: the PRIMARY carries a health check");
        }
        var apiHealth = us(phase).inputs("aws:route53/healthCheck:HealthCheck", "edge-failover-api-health");
        assertEquals(
                "api-us-east-1.crm.zebros.example",
                apiHealth.get("fqdn"),
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html: the region's own name");
        assertEquals("/v1/health", apiHealth.get("resourcePath"));
        assertEquals("HTTPS", apiHealth.get("type"));
        assertEquals(true, apiHealth.get("enableSni"));
        assertEquals(
                "auth-eu-west-1.crm.zebros.example",
                eu(phase)
                        .inputs("aws:route53/healthCheck:HealthCheck", "edge-failover-auth-health")
                        .get("fqdn"));
        for (PlannedStack plan : List.of(us(phase), eu(phase))) {
            plan.all("aws:route53/record:Record").stream()
                    .filter(r -> r.name().contains("validation"))
                    .forEach(r -> assertEquals(
                            true,
                            r.inputs().get("allowOverwrite"),
                            "https://github.com/hashicorp/terraform-provider-aws/issues/13653"));
        }
    }

    @Test
    void belowPhaseThreeTheApiNameFailsOverBetweenTheRegionsCustomDomains() {
        String primary = String.valueOf(
                us(2).inputs("aws:route53/record:Record", "edge-failover-api").get("aliases"));
        String secondary = String.valueOf(
                eu(2).inputs("aws:route53/record:Record", "edge-failover-api").get("aliases"));
        assertTrue(primary.contains("execute-api.us-east-1"), primary);
        assertTrue(secondary.contains("execute-api.eu-west-1"), secondary);
    }

    @Test
    void inPhaseThreeThePrimaryOwnsCloudFrontAndFailoverMovesBehindItToTheOriginNames() {
        assertEquals(2, us(3).all("aws:cloudfront/distribution:Distribution").size());
        assertEquals(
                List.of(),
                eu(3).all("aws:cloudfront/distribution:Distribution"),
                "one distribution per alias (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html)");
        var api = us(3).inputs("aws:cloudfront/distribution:Distribution", "edge-cdn-api");
        assertEquals(
                "api-origin.crm.zebros.example",
                map(list(api.get("origins")).get(0)).get("domainName"),
                "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorOriginGroups.html: the origin is a failover name, not an origin group");
        String distribution = String.valueOf(us(3).output("apiDistributionDomain"));
        String secondaryRecord = String.valueOf(
                eu(3).inputs("aws:route53/record:Record", "edge-failover-api").get("aliases"));
        assertTrue(secondaryRecord.contains(distribution), "the secondary's record reads the primary's distribution");
        for (PlannedStack plan : List.of(us(3), eu(3))) {
            assertTrue(String.valueOf(plan.inputs("aws:route53/record:Record", "edge-failover-api-origin")
                            .get("name"))
                    .equals("api-origin.crm.zebros.example"));
            assertTrue(plan.has("aws:route53/record:Record", "edge-failover-auth-origin"));
        }
    }

    @Test
    void clusterIdentifiersAndBucketNamesAreUniqueAcrossTheStacks() {
        Set<Object> clusters = Set.of(StackHarness.plan("dev", 0), us(0), eu(0)).stream()
                .map(p -> p.inputs("aws:rds/cluster:Cluster", "auth-db").get("clusterIdentifier"))
                .collect(Collectors.toSet());
        assertEquals(3, clusters.size());
        Set<Object> buckets = Set.of(StackHarness.plan("dev", 0), us(0), eu(0)).stream()
                .map(p -> p.inputs("aws:s3/bucketV2:BucketV2", "files").get("bucket"))
                .collect(Collectors.toSet());
        assertEquals(3, buckets.size());
    }

    @Test
    void theSecondaryReadsThePrimaryThroughAStackReference() {
        List<PlannedResource> references = eu(0).all("pulumi:pulumi:StackReference");
        assertEquals(1, references.size());
        assertEquals("prod-us", references.get(0).inputs().get("name"));
    }

    @Test
    void aSecondaryWhosePrimaryIsNotAPrimaryIsAConfigErrorBeforeAnyResource(@TempDir Path dir) throws IOException {
        for (String file : List.of("Pulumi.yaml", "Pulumi.dev.yaml")) {
            Files.copy(StackHarness.PROJECT.resolve(file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("Pulumi.eu.yaml"), """
                config:
                  zebros:role: secondary
                  zebros:region: eu-west-1
                  zebros:peerRegion: us-east-1
                  zebros:primaryStack: dev
                  zebros:domain: dev.crm.zebros.example
                  zebros:hostedZoneId: Z0DEVZEBROSEXAMPLE01
                """);
        var err = new ByteArrayOutputStream();
        int code = new Cli(
                        dir,
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("plan", "--stack", "eu");
        assertEquals(Cli.BAD_INPUT, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("\"dev\", whose role is standalone"), message);
        assertTrue(message.contains("zebros:region"), "dev names no peer, so the pairing is refused too: " + message);
    }
}
