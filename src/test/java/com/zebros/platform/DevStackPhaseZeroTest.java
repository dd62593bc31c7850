package com.zebros.platform;

import static com.zebros.platform.support.PlannedStack.list;
import static com.zebros.platform.support.PlannedStack.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.support.PlannedStack;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dev stack at phase 0, resource by resource: the specification of the MVP deployment. */
class DevStackPhaseZeroTest {
    private final PlannedStack dev = StackHarness.plan("dev", 0);

    @Test
    void theVpcSpansThreeZonesWithPublicAppAndDataSubnets() {
        assertEquals(
                "10.40.0.0/16", dev.inputs("aws:ec2/vpc:Vpc", "network-vpc").get("cidrBlock"));
        List<PlannedResource> subnets = dev.all("aws:ec2/subnet:Subnet");
        assertEquals(9, subnets.size(), "three tiers over three AZs");
        Set<Object> zones =
                subnets.stream().map(s -> s.inputs().get("availabilityZone")).collect(Collectors.toSet());
        assertEquals(Set.of("us-east-1a", "us-east-1b", "us-east-1c"), zones);
        assertTrue(
                subnets.stream().noneMatch(s -> Boolean.TRUE.equals(s.inputs().get("mapPublicIpOnLaunch"))),
                "no subnet hands out public IPs");
    }

    @Test
    void egressIsOneNatInstanceNoIdleNatGatewayPlusFreeGatewayEndpointsForDynamoAndS3() {
        assertEquals(List.of(), dev.all("aws:ec2/natGateway:NatGateway"), "no idle NAT gateway in phase 0");
        var nat = dev.inputs("aws:ec2/instance:Instance", "network-nat-instance");
        assertEquals("t4g.nano", nat.get("instanceType"));
        assertEquals(false, nat.get("sourceDestCheck"), "a router forwards others' packets");
        assertEquals("required", map(nat.get("metadataOptions")).get("httpTokens"));
        assertTrue(String.valueOf(nat.get("userData")).contains("MASQUERADE"));
        var endpoints = dev.all("aws:ec2/vpcEndpoint:VpcEndpoint");
        assertEquals(
                Set.of("com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"),
                endpoints.stream().map(e -> e.inputs().get("serviceName")).collect(Collectors.toSet()));
        endpoints.forEach(e ->
                assertEquals("Gateway", e.inputs().get("vpcEndpointType"), "interface endpoints cost by the hour"));
        for (int az = 0; az < 3; az++) {
            var routes = list(dev.inputs("aws:ec2/routeTable:RouteTable", "network-app-" + az)
                    .get("routes"));
            assertEquals(1, routes.size());
            assertTrue(
                    String.valueOf(map(routes.get(0)).get("networkInterfaceId")).startsWith("eni-"),
                    "app subnets leave through the NAT instance");
        }
        assertNull(
                dev.inputs("aws:ec2/routeTable:RouteTable", "network-data").get("routes"),
                "the data tier has no way out");
        assertEquals(
                3,
                StackHarness.plan("dev", 2).all("aws:ec2/natGateway:NatGateway").size(),
                "phase 2: a NAT gateway per AZ");
        assertFalse(StackHarness.plan("dev", 2).has("aws:ec2/instance:Instance", "network-nat-instance"));
    }

    @Test
    void everyImageHasAnImmutableScannedRepositoryWithALifecyclePolicy() {
        var repos = dev.all("aws:ecr/repository:Repository");
        assertEquals(
                Set.of(
                        "zebros-dev-keycloak",
                        "zebros-dev-report-worker",
                        "zebros-dev-import-worker",
                        "zebros-dev-export-worker",
                        "zebros-dev-analytics-worker"),
                repos.stream().map(r -> r.inputs().get("name")).collect(Collectors.toSet()));
        for (PlannedResource repo : repos) {
            assertEquals("IMMUTABLE", repo.inputs().get("imageTagMutability"));
            assertEquals(
                    true, map(repo.inputs().get("imageScanningConfiguration")).get("scanOnPush"));
            var policy = dev.jsonInput("aws:ecr/lifecyclePolicy:LifecyclePolicy", repo.name() + "-lifecycle", "policy");
            assertEquals(2, policy.getAsJsonArray("rules").size());
        }
    }

    @Test
    void theFourSeedTablesAndJobsAreEncryptedRecoverableAndOnDemand() {
        Map<String, String> rangeKeys = Map.of(
                "customers",
                "customerId",
                "contacts",
                "contactId",
                "opportunities",
                "opportunityId",
                "activities",
                "activityId",
                "jobs",
                "jobId");
        rangeKeys.forEach((table, rangeKey) -> {
            var inputs = dev.inputs("aws:dynamodb/table:Table", table);
            assertEquals("zebros-dev-" + table, inputs.get("name"));
            assertEquals("tenantId", inputs.get("hashKey"), table + " is partitioned by tenant");
            assertEquals(rangeKey, inputs.get("rangeKey"));
            assertEquals("PAY_PER_REQUEST", inputs.get("billingMode"), "phase 0 is on-demand");
            assertEquals(true, map(inputs.get("pointInTimeRecovery")).get("enabled"));
            assertEquals(Map.of("attributeName", "expiresAt", "enabled", true), inputs.get("ttl"));
            var sse = map(inputs.get("serverSideEncryption"));
            assertEquals(true, sse.get("enabled"));
            assertTrue(
                    String.valueOf(sse.get("kmsKeyArn")).startsWith("arn:aws:kms:us-east-1:"),
                    "a customer-managed key");
            assertEquals(true, inputs.get("streamEnabled"));
            assertEquals("NEW_AND_OLD_IMAGES", inputs.get("streamViewType"));
            assertEquals(false, inputs.get("deletionProtectionEnabled"), "dev turns deletion protection off");
        });
    }

    @Test
    void theIndexesServeTheCrmAccessPatterns() {
        assertEquals(
                Set.of("byName", "byDomain", "byIndustry", "byOwner", "byCreated", "byUpdated"),
                indexNames("customers"));
        assertEquals(Set.of("byCustomer", "byEmail"), indexNames("contacts"), "no index nothing reads");
        assertEquals(
                Set.of(
                        "byStage",
                        "byOwner",
                        "byCustomer",
                        "byClose",
                        "byOwnerStage",
                        "byAmount",
                        "byStageAmount",
                        "byUpdated"),
                indexNames("opportunities"));
        assertEquals(Set.of("timeline", "byOwner", "openTasks"), indexNames("activities"));
        for (String table : List.of("customers", "contacts", "opportunities", "activities", "jobs")) {
            var inputs = dev.inputs("aws:dynamodb/table:Table", table);
            Set<String> keys = new HashSet<>();
            keys.add((String) inputs.get("hashKey"));
            keys.add((String) inputs.get("rangeKey"));
            list(inputs.getOrDefault("globalSecondaryIndexes", List.of())).forEach(i -> {
                keys.add((String) map(i).get("hashKey"));
                keys.add((String) map(i).get("rangeKey"));
            });
            Set<String> declared = list(inputs.get("attributes")).stream()
                    .map(a -> (String) map(a).get("name"))
                    .collect(Collectors.toSet());
            assertEquals(
                    keys,
                    declared,
                    table
                            + " declares exactly its key attributes (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table)");
            // Every base key is the tenant's: with a local secondary index, a tenant's items in a table could not
            // exceed
            // 10 GB
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ItemCollections.SizeLimit).
            assertEquals(
                    List.of(), inputs.getOrDefault("localSecondaryIndexes", List.of()), table + ": no local index");
        }
    }

    private Set<String> indexNames(String table) {
        return list(dev.inputs("aws:dynamodb/table:Table", table).get("globalSecondaryIndexes")).stream()
                .map(i -> (String) map(i).get("name"))
                .collect(Collectors.toSet());
    }

    @Test
    void theProductionPrimaryKeepsDeletionProtectionOn() {
        var prod = StackHarness.plan("prod-us", 0);
        assertEquals(true, prod.inputs("aws:dynamodb/table:Table", "customers").get("deletionProtectionEnabled"));
        assertEquals(true, prod.inputs("aws:rds/cluster:Cluster", "auth-db").get("deletionProtection"));
        assertEquals(false, prod.inputs("aws:rds/cluster:Cluster", "auth-db").get("skipFinalSnapshot"));
    }

    @Test
    void theFileStoreIsPrivateVersionedKmsEncryptedAndTlsOnly() {
        var bucket = dev.inputs("aws:s3/bucketV2:BucketV2", "files");
        assertEquals(
                "zebros-dev-files-123456789012-us-east-1", bucket.get("bucket"), "account and region make it unique");
        assertEquals(
                "Enabled",
                map(dev.inputs("aws:s3/bucketVersioningV2:BucketVersioningV2", "files-versioning")
                                .get("versioningConfiguration"))
                        .get("status"));
        var rule = map(list(dev.inputs(
                                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                                "files-encryption")
                        .get("rules"))
                .get(0));
        assertEquals(
                "aws:kms", map(rule.get("applyServerSideEncryptionByDefault")).get("sseAlgorithm"));
        assertEquals(true, rule.get("bucketKeyEnabled"));
        var block = dev.inputs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "files-public-access");
        for (String flag :
                List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.get(flag), flag);
        }
        var policy = dev.jsonInput("aws:s3/bucketPolicy:BucketPolicy", "files-policy", "Policy".toLowerCase());
        JsonObject deny = policy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("Deny", deny.get("Effect").getAsString());
        assertEquals(
                "false",
                deny.getAsJsonObject("Condition")
                        .getAsJsonObject("Bool")
                        .get("aws:SecureTransport")
                        .getAsString());
    }

    @Test
    void auroraIsServerlessV2AtOneToTwoAcuWithItsRegionInTheIdentifier() {
        var cluster = dev.inputs("aws:rds/cluster:Cluster", "auth-db");
        assertEquals("zebros-dev-auth-us-east-1", cluster.get("clusterIdentifier"));
        assertEquals("aurora-postgresql", cluster.get("engine"));
        assertEquals("provisioned", cluster.get("engineMode"));
        assertEquals(Map.of("minCapacity", 1L, "maxCapacity", 2L), cluster.get("serverlessv2ScalingConfiguration"));
        assertEquals(true, cluster.get("storageEncrypted"));
        assertTrue(String.valueOf(cluster.get("kmsKeyId")).contains(":us-east-1:"));
        assertEquals(7L, cluster.get("backupRetentionPeriod"));
        assertEquals("[secret]", cluster.get("masterPassword"), "the password is a config secret, masked in plans");
        assertNull(
                cluster.get("manageMasterUserPassword"),
                "no RDS-managed password: Aurora Global rejects it (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html)");
        assertEquals(
                "db.serverless",
                dev.inputs("aws:rds/clusterInstance:ClusterInstance", "auth-db-writer")
                        .get("instanceClass"));
        var params = list(dev.inputs("aws:rds/clusterParameterGroup:ClusterParameterGroup", "auth-db-params")
                .get("parameters"));
        assertEquals(Map.of("name", "rds.force_ssl", "value", "1"), params.get(0), "TLS in transit is forced");
    }

    @Test
    void keycloakRunsOneSmallTaskWithItsDatabaseLoginFromSecretsManager() throws java.io.IOException {
        var task = dev.inputs("aws:ecs/taskDefinition:TaskDefinition", "keycloak");
        assertEquals("256", task.get("cpu"));
        assertEquals("1024", task.get("memory"), "the seeds' 0.5 GB leaves Keycloak no headroom (KeycloakTokenTest)");
        assertEquals(1L, dev.inputs("aws:ecs/service:Service", "keycloak").get("desiredCount"));
        JsonObject container = JsonParser.parseString((String) task.get("containerDefinitions"))
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject();
        // The real-Keycloak test measures memory with this task's heap options and memory: they must be the same.
        String measured = java.nio.file.Files.readString(
                java.nio.file.Path.of("functions/src/test/java/com/zebros/crm/keycloak/KeycloakServer.java"));
        String heap = "";
        for (JsonElement e : container.getAsJsonArray("environment")) {
            if (e.getAsJsonObject().get("name").getAsString().equals("JAVA_OPTS_KC_HEAP")) {
                heap = e.getAsJsonObject().get("value").getAsString();
            }
        }
        assertTrue(
                measured.contains("TASK_HEAP_OPTIONS = \"" + heap + "\"")
                        && measured.contains("TASK_MEMORY_MB = 1024;"),
                "KeycloakServer runs Keycloak as this task does: " + heap);
        assertTrue(
                container.get("image").getAsString().endsWith("/zebros-dev-keycloak:0.1.0"),
                "the image tag from config");
        Set<String> secrets = names(container.getAsJsonArray("secrets"));
        assertEquals(Set.of("KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD"), secrets);
        Set<String> env = names(container.getAsJsonArray("environment"));
        assertTrue(
                env.containsAll(Set.of("KC_DB_URL", "KC_HOSTNAME", "KC_PROXY_HEADERS", "KC_HTTP_ENABLED")),
                env.toString());
        env.forEach(name -> assertFalse(name.contains("PASSWORD"), name + " must not be plain environment"));
        for (JsonElement e : container.getAsJsonArray("secrets")) {
            assertTrue(e.getAsJsonObject().get("valueFrom").getAsString().startsWith("arn:aws:secretsmanager:"));
        }
    }

    private static Set<String> names(JsonArray entries) {
        Set<String> names = new HashSet<>();
        entries.forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
        return names;
    }

    @Test
    void theAuthLoadBalancerIsHttpsOnlyWithHealthChecksOnTheManagementPort() {
        var health = map(dev.inputs("aws:lb/targetGroup:TargetGroup", "keycloak-lb-keycloak")
                .get("healthCheck"));
        assertEquals("9000", health.get("port"));
        assertEquals("/health/ready", health.get("path"));
        var https = dev.inputs("aws:lb/listener:Listener", "keycloak-lb-https");
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.get("sslPolicy"));
        var http = dev.inputs("aws:lb/listener:Listener", "keycloak-lb-http");
        assertEquals("redirect", map(list(http.get("defaultActions")).get(0)).get("type"), "port 80 only redirects");
        var validation = dev.all("aws:route53/record:Record").stream()
                .filter(r -> r.name().contains("validation"))
                .toList();
        assertFalse(validation.isEmpty());
        validation.forEach(r -> assertEquals(
                true,
                r.inputs().get("allowOverwrite"),
                "https://github.com/hashicorp/terraform-provider-aws/issues/13653"));
    }

    @Test
    void everyFunctionIsJava21With128MbAndTheirReservedBudgetsAddUpTo100() {
        assertEquals(
                900L,
                dev.inputs("aws:lambda/function:Function", "migrations").get("timeout"),
                "a migration checkpoints as it goes; Lambda's longest run means fewer hours until it is done");
        var functions = dev.all("aws:lambda/function:Function");
        assertEquals(
                11,
                functions.size(),
                "nine that serve requests and events, and the hourly phase-signals and migrations functions");
        long reserved = 0;
        for (PlannedResource f : functions) {
            assertEquals("java21", f.inputs().get("runtime"));
            if (f.name().equals("signals") || f.name().equals("migrations")) {
                assertEquals(256L, f.inputs().get("memorySize"), "the seeds' coordination functions: 256 MB");
                assertEquals(1L, f.inputs().get("reservedConcurrentExecutions"));
                continue;
            }
            assertEquals(128L, f.inputs().get("memorySize"), f.name());
            assertEquals(
                    true,
                    f.inputs().get("publish"),
                    "SnapStart needs published versions (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html)");
            assertEquals(Map.of("applyOn", "PublishedVersions"), f.inputs().get("snapStart"));
            assertEquals(Map.of("mode", "Active"), f.inputs().get("tracingConfig"));
            reserved += (Long) f.inputs().get("reservedConcurrentExecutions");
            assertEquals(
                    "live",
                    dev.inputs("aws:lambda/alias:Alias", f.name() + "-live").get("name"));
        }
        assertEquals(100, reserved, "phase 0: 100 concurrent executions in all");
    }

    @Test
    void eachFunctionRoleReachesOnlyItsOwnTables() {
        JsonObject contacts = dev.jsonInput("aws:iam/rolePolicy:RolePolicy", "contacts-role-policy", "policy");
        String policy = contacts.toString();
        assertTrue(policy.contains("table/zebros-dev-contacts"));
        assertFalse(policy.contains("table/zebros-dev-opportunities"), "contacts never touches opportunities");
        assertFalse(policy.contains("\"dynamodb:*\""));
        assertTrue(dev.jsonInput("aws:iam/rolePolicy:RolePolicy", "authorizer-role-policy", "policy")
                .toString()
                .contains("logs:PutLogEvents"));
        assertFalse(
                dev.jsonInput("aws:iam/rolePolicy:RolePolicy", "authorizer-role-policy", "policy")
                        .toString()
                        .contains("dynamodb"),
                "the authorizer touches no data");
    }

    /**
     * No request path scans; the migrations function scans exactly the tables it migrates (opportunities, contacts,
     * and customers and activities for their list keys).
     */
    @Test
    void onlyTheMigrationsRoleScansAndOnlyTheTablesItMigrates() {
        for (PlannedResource policy : dev.all("aws:iam/rolePolicy:RolePolicy")) {
            List<String> scanned = new java.util.ArrayList<>();
            for (var statement : dev.jsonInput("aws:iam/rolePolicy:RolePolicy", policy.name(), "policy")
                    .getAsJsonArray("Statement")) {
                var s = statement.getAsJsonObject();
                if (s.get("Action").toString().contains("dynamodb:Scan")) {
                    var resources = new com.google.gson.JsonArray();
                    if (s.get("Resource").isJsonArray()) {
                        resources.addAll(s.get("Resource").getAsJsonArray());
                    } else {
                        resources.add(s.get("Resource"));
                    }
                    resources.forEach(r -> scanned.add(r.getAsString().replaceAll(".*table/", "")));
                }
            }
            List<String> expected = policy.name().equals("migrations-role-policy")
                    ? List.of(
                            "zebros-dev-activities",
                            "zebros-dev-contacts",
                            "zebros-dev-customers",
                            "zebros-dev-opportunities")
                    : List.of();
            assertEquals(expected, scanned.stream().sorted().toList(), policy.name());
        }
    }

    /**
     * A write's references are condition checks in its transaction (functions' Store), which IAM authorizes as
     * dynamodb:ConditionCheckItem on the item checked
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html).
     */
    @Test
    void everyRoleMayCheckTheItemsItsWritesReferTo() {
        Map<String, List<String>> references = Map.of(
                "contacts",
                List.of("customers"),
                "opportunities",
                List.of("customers"),
                "activities",
                List.of("customers", "contacts", "opportunities"));
        references.forEach((group, tables) -> {
            JsonObject policy = dev.jsonInput("aws:iam/rolePolicy:RolePolicy", group + "-role-policy", "policy");
            for (String table : tables) {
                boolean checks = false;
                for (var statement : policy.getAsJsonArray("Statement")) {
                    var s = statement.getAsJsonObject();
                    checks |= s.get("Action").toString().contains("dynamodb:ConditionCheckItem")
                            && s.get("Resource").toString().contains("table/zebros-dev-" + table + "\"");
                }
                assertTrue(checks, group + " must be allowed to condition-check " + table);
            }
        });
    }

    @Test
    void theRestApiGuardsEveryRouteButHealthWithTheKeycloakAuthorizer() {
        var api = dev.inputs("aws:apigateway/restApi:RestApi", "api");
        assertEquals("REGIONAL", map(api.get("endpointConfiguration")).get("types"));
        var authorizer = dev.inputs("aws:apigateway/authorizer:Authorizer", "api-authorizer");
        assertEquals("TOKEN", authorizer.get("type"));
        assertTrue(
                String.valueOf(authorizer.get("authorizerUri")).contains(":function:zebros-dev-authorizer:live/"),
                "the authorizer is invoked through its alias");
        for (PlannedResource method : dev.all("aws:apigateway/method:Method")) {
            boolean health = method.name().equals("api-v1-health-get");
            assertEquals(health ? "NONE" : "CUSTOM", method.inputs().get("authorization"), method.name());
        }
        for (PlannedResource integration : dev.all("aws:apigateway/integration:Integration")) {
            assertEquals("AWS_PROXY", integration.inputs().get("type"));
            assertTrue(
                    String.valueOf(integration.inputs().get("uri")).endsWith(":live/invocations"),
                    integration.name()
                            + " must target the alias (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html)");
        }
        var stage = dev.inputs("aws:apigateway/stage:Stage", "api-stage");
        assertEquals(true, stage.get("xrayTracingEnabled"));
        assertTrue(String.valueOf(map(stage.get("accessLogSettings")).get("destinationArn"))
                .contains("log-group:/zebros/dev/api-access"));
        var settings = map(dev.inputs("aws:apigateway/methodSettings:MethodSettings", "api-settings")
                .get("settings"));
        assertEquals(50L, settings.get("throttlingRateLimit"));
    }

    /**
     * The authorizer throws when the issuer's keys cannot be fetched (the functions' fault suite); API Gateway's
     * default answer to that is a 500 (AUTHORIZER_FAILURE, AUTHORIZER_CONFIGURATION_ERROR:
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
     */
    @Test
    void anAuthorizerThatCannotCheckATokenAnswers503WithRetryAfter() {
        for (String type : List.of("AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR")) {
            var response = dev.inputs(
                    "aws:apigateway/response:Response",
                    "api-" + type.toLowerCase().replace('_', '-'));
            assertEquals(type, response.get("responseType"));
            assertEquals("503", response.get("statusCode"));
            assertEquals("'5'", map(response.get("responseParameters")).get("gatewayresponse.header.Retry-After"));
            String body = String.valueOf(map(response.get("responseTemplates")).get("application/json"));
            var problem = com.google.gson.JsonParser.parseString(body.replace("$context.requestId", "r-1"))
                    .getAsJsonObject();
            assertEquals(503, problem.get("status").getAsInt());
        }
        var triggers = map(dev.inputs("aws:apigateway/deployment:Deployment", "api-deployment")
                .get("triggers"));
        assertTrue(triggers.containsKey("gatewayResponses"), "a changed gateway response is redeployed");
    }

    @Test
    void everyJobRunsItsWorkerOnFargateAndFailuresAreRecorded() {
        var definition = dev.jsonInput("aws:sfn/stateMachine:StateMachine", "workflows-jobs", "definition");
        var states = definition.getAsJsonObject("States");
        for (String kind : List.of("Report", "Import", "Export", "Analytics")) {
            var run = states.getAsJsonObject("Run" + kind);
            assertEquals(
                    "arn:aws:states:::ecs:runTask.sync",
                    run.get("Resource").getAsString(),
                    "phase 0: one task per job");
            assertTrue(run.getAsJsonObject("Parameters")
                    .get("TaskDefinition")
                    .getAsString()
                    .contains("task-definition/zebros-dev-" + kind.toLowerCase() + "-worker"));
            assertTrue(
                    run.has("Retry") && run.has("Catch"),
                    "https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html: RunTask needs Retry and Catch");
        }
        var worker = dev.inputs("aws:ecs/taskDefinition:TaskDefinition", "report-worker");
        assertEquals("256", worker.get("cpu"));
        assertEquals("512", worker.get("memory"));
        assertTrue(
                dev.all("aws:ecs/service:Service").stream()
                        .noneMatch(s -> s.name().equals("report-worker")),
                "phase 0 keeps no idle worker");
        String role = dev.jsonInput("aws:iam/rolePolicy:RolePolicy", "workflows-jobs-policy", "policy")
                .toString();
        for (String action : List.of(
                "ecs:RunTask",
                "ecs:StopTask",
                "ecs:DescribeTasks",
                "events:PutTargets",
                "events:PutRule",
                "events:DescribeRule",
                "iam:PassRole")) {
            assertTrue(
                    role.contains(action),
                    "the state machine role needs " + action
                            + " (https://docs.aws.amazon.com/step-functions/latest/dg/ecs-iam.html)");
        }
        assertTrue(role.contains("rule/StepFunctionsGetEventsForECSTaskRule"));
        assertTrue(role.contains("ecs-tasks.amazonaws.com"), "PassRole only to ECS tasks");
        var pipe = dev.inputs("aws:pipes/pipe:Pipe", "workflows-jobs");
        assertTrue(String.valueOf(pipe.get("source")).endsWith(":zebros-dev-job-queue"));
    }

    @Test
    void theStackExportsWhatAPlatformTeamUses() {
        assertEquals("https://auth.dev.crm.zebros.example", dev.output("authUrl"));
        assertTrue(String.valueOf(dev.output("apiUrl"))
                .matches("https://\\w+\\.execute-api\\.us-east-1\\.amazonaws\\.com/live"));
        assertEquals("zebros-dev-files-123456789012-us-east-1", dev.output("bucketName"));
        assertEquals(
                "arn:aws:states:us-east-1:123456789012:stateMachine:zebros-dev-jobs", dev.output("stateMachineArn"));
        assertEquals(
                com.zebros.platform.config.CrmTable.values().stream()
                        .map(com.zebros.platform.config.CrmTable::id)
                        .collect(java.util.stream.Collectors.toSet()),
                map(dev.output("tableNames")).keySet(),
                "every declared table is exported");
    }

    @Test
    void everyChildIsParentedToItsComponent() {
        for (PlannedResource r : dev.plan().resources()) {
            if (r.isProvider()) {
                continue;
            }
            boolean parentIsComponent =
                    dev.plan().resources().stream().anyMatch(p -> p.urn().equals(r.parent()) && p.isComponent());
            assertTrue(r.isComponent() || parentIsComponent, r.type() + " " + r.name() + " sits outside any component");
        }
    }
}
