package com.zebros.platform;

import static com.zebros.platform.support.PlannedStack.list;
import static com.zebros.platform.support.PlannedStack.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.zebros.platform.support.PlannedStack;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dev stack over phases 0-3: each row of the phase table on the registered resources. */
class PhaseMatrixTest {
    private static final String TARGET = "aws:appautoscaling/target:Target";
    private static final String POLICY = "aws:appautoscaling/policy:Policy";

    private static PlannedStack dev(int phase) {
        return StackHarness.plan("dev", phase);
    }

    @Test
    void lambdaMemoryFollowsThePhaseTable() {
        Map<Integer, Map<String, Long>> expected = Map.of(
                0, Map.of("customers", 128L, "reporting", 128L, "analytics", 128L, "notification", 128L),
                1, Map.of("customers", 256L, "reporting", 256L, "analytics", 256L, "notification", 256L),
                2, Map.of("customers", 512L, "reporting", 1024L, "analytics", 1024L, "notification", 128L),
                3, Map.of("customers", 256L, "reporting", 1024L, "analytics", 3072L, "notification", 128L));
        expected.forEach((phase, sizes) -> sizes.forEach((fn, mb) -> assertEquals(
                mb,
                dev(phase).inputs("aws:lambda/function:Function", fn).get("memorySize"),
                "phase " + phase + " " + fn)));
    }

    @Test
    void reservedBudgetsGiveWayToProvisionedConcurrencyOnTheApiInPhaseThree() {
        assertEquals(
                200L,
                dev(1).all("aws:lambda/function:Function").stream()
                        .filter(f -> !f.name().equals("signals") && !f.name().equals("migrations"))
                        .mapToLong(f -> (Long) f.inputs().get("reservedConcurrentExecutions"))
                        .sum(),
                "phase 1: 200 in all");
        var p3 = dev(3);
        var customers = p3.inputs("aws:lambda/function:Function", "customers");
        assertNull(customers.get("reservedConcurrentExecutions"));
        assertNull(
                customers.get("snapStart"),
                "SnapStart and provisioned concurrency do not combine (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html)");
        var target = p3.inputs(TARGET, "customers-provisioned");
        assertEquals("lambda:function:ProvisionedConcurrency", target.get("scalableDimension"));
        assertEquals(
                "function:zebros-dev-customers:live",
                target.get("resourceId"),
                "on the alias, never $LATEST (https://docs.aws.amazon.com/lambda/latest/api/API_PutProvisionedConcurrencyConfig.html)");
        var policy = map(
                p3.inputs(POLICY, "customers-provisioned-utilisation").get("targetTrackingScalingPolicyConfiguration"));
        assertEquals(0.7, ((Number) policy.get("targetValue")).doubleValue(), 1e-9);
        assertEquals(
                Map.of("applyOn", "PublishedVersions"),
                p3.inputs("aws:lambda/function:Function", "reporting").get("snapStart"),
                "non-API functions keep SnapStart");
    }

    @Test
    void tablesMoveToProvisionedWithAutoScalingAtSeventyPercentOnTablesAndIndexes() {
        var p1 = dev(1);
        Map<String, long[]> ranges = Map.of(
                "customers",
                new long[] {25, 100},
                "contacts",
                new long[] {50, 200},
                "opportunities",
                new long[] {25, 100},
                "activities",
                new long[] {100, 400});
        ranges.forEach((table, range) -> {
            assertEquals(
                    "PROVISIONED", p1.inputs("aws:dynamodb/table:Table", table).get("billingMode"));
            for (String unit : List.of("read", "write")) {
                var target = p1.inputs(TARGET, table + "-" + unit);
                assertEquals(range[0], target.get("minCapacity"), table + " " + unit);
                assertEquals(range[1], target.get("maxCapacity"), table + " " + unit);
                var config = map(p1.inputs(POLICY, table + "-" + unit + "-target")
                        .get("targetTrackingScalingPolicyConfiguration"));
                assertEquals(70.0, ((Number) config.get("targetValue")).doubleValue(), 1e-9);
            }
        });
        assertEquals(
                "table/zebros-dev-opportunities/index/byStage",
                p1.inputs(TARGET, "opportunities-byStage-write").get("resourceId"));
        assertEquals(
                "dynamodb:index:WriteCapacityUnits",
                p1.inputs(TARGET, "opportunities-byStage-write").get("scalableDimension"));
        // Each index on its own range: a floor of its own, the table's ceiling (a short index throttles the table's
        // writes).
        for (int phase = 1; phase <= 3; phase++) {
            var index = dev(phase).inputs(TARGET, "opportunities-byStage-write");
            assertEquals(phase == 3 ? 10L : 5L, index.get("minCapacity"), "phase " + phase);
            assertEquals(100L, index.get("maxCapacity"), "phase " + phase);
        }
        var gsi =
                map(list(p1.inputs("aws:dynamodb/table:Table", "opportunities").get("globalSecondaryIndexes"))
                        .get(0));
        assertEquals(5L, gsi.get("writeCapacity"), "the index starts at its floor");
        assertEquals("ALL", gsi.get("projectionType"), "every index serves an API list that answers whole items");
        assertEquals(
                "PAY_PER_REQUEST",
                p1.inputs("aws:dynamodb/table:Table", "jobs").get("billingMode"),
                "jobs stay on demand: bursty by nature");
    }

    @Test
    void reportWorkersBecomeAnAutoScaledPoolFromPhaseOne() {
        assertFalse(dev(0).has("aws:ecs/service:Service", "report-worker"));
        int[][] ranges = {{}, {1, 3}, {2, 10}, {2, 10}};
        for (int phase = 1; phase <= 3; phase++) {
            var plan = dev(phase);
            var target = plan.inputs(TARGET, "report-worker-tasks");
            assertEquals((long) ranges[phase][0], target.get("minCapacity"), "phase " + phase);
            assertEquals((long) ranges[phase][1], target.get("maxCapacity"), "phase " + phase);
            Set<String> signals = plan.all(POLICY).stream()
                    .map(PlannedResource::name)
                    .filter(n -> n.startsWith("report-worker-tasks-"))
                    .collect(Collectors.toSet());
            Set<String> expected = phase == 1
                    ? Set.of("report-worker-tasks-cpu", "report-worker-tasks-backlog")
                    : Set.of("report-worker-tasks-cpu", "report-worker-tasks-memory", "report-worker-tasks-backlog");
            assertEquals(expected, signals, "phase " + phase);
            var run = JsonParser.parseString((String) plan.inputs("aws:sfn/stateMachine:StateMachine", "workflows-jobs")
                            .get("definition"))
                    .getAsJsonObject()
                    .getAsJsonObject("States")
                    .getAsJsonObject("RunReport");
            assertEquals(
                    "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    run.get("Resource").getAsString());
        }
        var backlog = map(
                dev(1).inputs(POLICY, "report-worker-tasks-backlog").get("targetTrackingScalingPolicyConfiguration"));
        assertEquals(10.0, ((Number) backlog.get("targetValue")).doubleValue(), 1e-9, "report queue > 10 per task");
        assertTrue(String.valueOf(backlog.get("customizedMetricSpecification")).contains("RunningTaskCount"));
    }

    @Test
    void phaseThreeGivesEachWorkloadItsTierAndReportsRunOnSpot() {
        var p3 = dev(3);
        assertEquals(List.of("512", "1024"), size(p3, "report-worker"));
        assertEquals(List.of("1024", "2048"), size(p3, "import-worker"));
        assertEquals(List.of("1024", "2048"), size(p3, "export-worker"));
        assertEquals(List.of("4096", "8192"), size(p3, "analytics-worker"));
        var service = p3.inputs("aws:ecs/service:Service", "report-worker");
        assertNull(
                service.get("launchType"),
                "a capacity provider strategy excludes a launch type (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)");
        assertTrue(String.valueOf(service.get("capacityProviderStrategies")).contains("FARGATE_SPOT"));
    }

    private static List<Object> size(PlannedStack plan, String task) {
        var inputs = plan.inputs("aws:ecs/taskDefinition:TaskDefinition", task);
        return List.of(inputs.get("cpu"), inputs.get("memory"));
    }

    @Test
    void keycloakScalesOnCpuAndMemoryWithinEachPhasesRange() {
        assertFalse(dev(0).has(TARGET, "keycloak-tasks"), "phase 0: one task, nothing to scale");
        long[][] ranges = {{}, {1, 2}, {2, 5}, {3, 10}};
        for (int phase = 1; phase <= 3; phase++) {
            var target = dev(phase).inputs(TARGET, "keycloak-tasks");
            assertEquals(ranges[phase][0], target.get("minCapacity"));
            assertEquals(ranges[phase][1], target.get("maxCapacity"));
            assertEquals(
                    ranges[phase][0],
                    dev(phase).inputs("aws:ecs/service:Service", "keycloak").get("desiredCount"));
            assertTrue(dev(phase).has(POLICY, "keycloak-tasks-cpu"));
            var memory = map(
                    dev(phase).inputs(POLICY, "keycloak-tasks-memory").get("targetTrackingScalingPolicyConfiguration"));
            assertEquals(70.0, ((Number) memory.get("targetValue")).doubleValue(), "the seeds' CPU/memory > 70 %");
            assertEquals(
                    "ECSServiceAverageMemoryUtilization",
                    map(memory.get("predefinedMetricSpecification")).get("predefinedMetricType"));
        }
    }

    @Test
    void auroraCapacityGrowsAndPhaseTwoAddsAReaderInASecondZone() {
        double[][] acu = {{1, 2}, {2, 4}, {2, 8}, {2, 16}};
        for (int phase = 0; phase <= 3; phase++) {
            var scaling = map(
                    dev(phase).inputs("aws:rds/cluster:Cluster", "auth-db").get("serverlessv2ScalingConfiguration"));
            assertEquals(acu[phase][0], ((Number) scaling.get("minCapacity")).doubleValue());
            assertEquals(acu[phase][1], ((Number) scaling.get("maxCapacity")).doubleValue());
            assertEquals(phase >= 2, dev(phase).has("aws:rds/clusterInstance:ClusterInstance", "auth-db-reader-1"));
        }
        assertEquals(
                "us-east-1b",
                dev(2).inputs("aws:rds/clusterInstance:ClusterInstance", "auth-db-reader-1")
                        .get("availabilityZone"));
        assertEquals(
                "us-east-1a",
                dev(2).inputs("aws:rds/clusterInstance:ClusterInstance", "auth-db-writer")
                        .get("availabilityZone"));
    }

    @Test
    void daxArrivesInPhaseTwoEncryptedAndThreeNodesWideInPhaseThree() {
        assertFalse(dev(1).has("aws:dax/cluster:Cluster", "dax"));
        for (int phase = 2; phase <= 3; phase++) {
            var dax = dev(phase).inputs("aws:dax/cluster:Cluster", "dax");
            assertEquals(Map.of("enabled", true), dax.get("serverSideEncryption"));
            assertEquals("TLS", dax.get("clusterEndpointEncryptionType"));
            assertTrue(
                    String.valueOf(dax.get("clusterName")).length() <= 20,
                    "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dax/cluster.go");
            var env = map(map(dev(phase)
                            .inputs("aws:lambda/function:Function", "customers")
                            .get("environment"))
                    .get("variables"));
            assertTrue(String.valueOf(env.get("DAX_ENDPOINT")).startsWith("daxs://"), "the functions get its endpoint");
            assertTrue(
                    map(dev(phase)
                                    .inputs("aws:lambda/function:Function", "customers")
                                    .get("vpcConfig"))
                            != null,
                    "functions join the VPC to reach DAX");
        }
        String daxAccess = String.valueOf(dev(2).inputs("aws:iam/rolePolicy:RolePolicy", "dax-role-policy")
                .get("policy"));
        assertTrue(daxAccess.contains("table/zebros-dev-customers"), daxAccess);
        assertFalse(
                daxAccess.contains("table/zebros-dev-jobs"),
                "DAX may not read the jobs table, so the functions read it from DynamoDB (functions' StoreReadersTest)");
        assertEquals(2L, dev(2).inputs("aws:dax/cluster:Cluster", "dax").get("replicationFactor"));
        assertEquals(3L, dev(3).inputs("aws:dax/cluster:Cluster", "dax").get("replicationFactor"));
        assertNull(
                dev(1).inputs("aws:lambda/function:Function", "customers").get("vpcConfig"),
                "no VPC before it is needed");
    }

    @Test
    void redisIsATwoNodeFailoverGroupInPhaseTwoAndClusterModeInPhaseThree() {
        assertFalse(dev(1).has("aws:elasticache/replicationGroup:ReplicationGroup", "sessions"));
        var p2 = dev(2).inputs("aws:elasticache/replicationGroup:ReplicationGroup", "sessions");
        assertEquals(2L, p2.get("numCacheClusters"));
        assertEquals(true, p2.get("automaticFailoverEnabled"));
        assertEquals(true, p2.get("multiAzEnabled"));
        assertEquals(true, p2.get("transitEncryptionEnabled"));
        assertEquals(true, p2.get("atRestEncryptionEnabled"));
        assertEquals("[secret]", p2.get("authToken"));
        var p3 = dev(3).inputs("aws:elasticache/replicationGroup:ReplicationGroup", "sessions");
        assertEquals("enabled", p3.get("clusterMode"));
        assertNull(
                p3.get("numCacheClusters"),
                "https://www.pulumi.com/registry/packages/aws/api-docs/elasticache/replicationgroup/: node groups replace cache clusters");
        assertEquals("default.redis7.cluster.on", p3.get("parameterGroupName"));
    }

    @Test
    void phaseTwoPutsTheApiOnItsCustomDomainBehindARegionalWaf() {
        assertFalse(dev(1).has("aws:wafv2/webAcl:WebAcl", "edge-waf"));
        var p2 = dev(2);
        assertEquals(
                "api.dev.crm.zebros.example",
                p2.inputs("aws:apigateway/domainName:DomainName", "edge-api-domain-shared")
                        .get("domainName"));
        assertEquals(
                "TLS_1_2",
                p2.inputs("aws:apigateway/domainName:DomainName", "edge-api-domain-shared")
                        .get("securityPolicy"));
        var acl = p2.inputs("aws:wafv2/webAcl:WebAcl", "edge-waf");
        assertEquals("REGIONAL", acl.get("scope"));
        String rules = String.valueOf(acl.get("ruleJson"));
        assertTrue(
                rules.contains("AWSManagedRulesCommonRuleSet") && rules.contains("\"AggregateKeyType\":\"IP\""),
                "without CloudFront the source address is the client's: " + rules);
        Set<String> protectedArns = p2.all("aws:wafv2/webAclAssociation:WebAclAssociation").stream()
                .map(a -> String.valueOf(a.inputs().get("resourceArn")))
                .collect(Collectors.toSet());
        assertTrue(
                protectedArns.stream().anyMatch(a -> a.contains("/stages/live")),
                "the REST stage (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html)");
        assertTrue(protectedArns.stream().anyMatch(a -> a.contains(":loadbalancer/app/")), "the auth load balancer");
        assertTrue(String.valueOf(
                        p2.inputs("aws:route53/record:Record", "edge-api").get("aliases"))
                .contains("execute-api"));
    }

    @Test
    void phaseThreePutsCloudFrontInFrontWithItsCertificateAndAclInUsEastOne() {
        var p3 = dev(3);
        var distributions = p3.all("aws:cloudfront/distribution:Distribution");
        assertEquals(2, distributions.size(), "one for the API, one for Keycloak");
        var api = p3.inputs("aws:cloudfront/distribution:Distribution", "edge-cdn-api");
        var behaviour = map(api.get("defaultCacheBehavior"));
        assertEquals(
                "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", behaviour.get("cachePolicyId"), "API answers are never cached");
        assertEquals(
                "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                behaviour.get("originRequestPolicyId"),
                "AllViewerExceptHostHeader forwards Authorization (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html, https://repost.aws/knowledge-center/cloudfront-authorization-header)");
        assertEquals("redirect-to-https", behaviour.get("viewerProtocolPolicy"));
        assertEquals("TLSv1.2_2021", map(api.get("viewerCertificate")).get("minimumProtocolVersion"));
        assertTrue(
                String.valueOf(api.get("webAclId")).startsWith("arn:aws:wafv2:us-east-1:"),
                "https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html");
        var origin = map(list(api.get("origins")).get(0));
        assertEquals(
                "[secret]",
                map(list(origin.get("customHeaders")).get(0)).get("value"),
                "the origin secret never prints");
        assertEquals("https-only", map(origin.get("customOriginConfig")).get("originProtocolPolicy"));
        assertEquals(
                "CLOUDFRONT",
                p3.inputs("aws:wafv2/webAcl:WebAcl", "edge-cdn-waf").get("scope"));
        assertEquals(
                List.of(Map.of("regexString", "[secret]")),
                p3.inputs("aws:wafv2/regexPatternSet:RegexPatternSet", "edge-origin-header")
                        .get("regularExpressions"),
                "the origin header's value lives, secret, in a pattern set");
        var regional = com.google.gson.JsonParser.parseString(String.valueOf(
                        p3.inputs("aws:wafv2/webAcl:WebAcl", "edge-waf").get("ruleJson")))
                .getAsJsonArray();
        var names = new java.util.ArrayList<String>();
        regional.forEach(r -> names.add(r.getAsJsonObject().get("Name").getAsString()));
        assertEquals(
                List.of(
                        "require-edge",
                        "AWSManagedRulesCommonRuleSet",
                        "AWSManagedRulesKnownBadInputsRuleSet",
                        "AWSManagedRulesAmazonIpReputationList",
                        "rate-per-client-ip"),
                names,
                "the regional rules are readable in the plan");
        String requireEdge = regional.get(0).toString();
        assertTrue(
                requireEdge.contains("RegexPatternSetReferenceStatement")
                        && requireEdge.contains("arn:aws:wafv2:us-east-1:123456789012:regional/regexpatternset/"),
                requireEdge);
        var rate =
                regional.get(4).getAsJsonObject().getAsJsonObject("Statement").getAsJsonObject("RateBasedStatement");
        assertEquals(
                "FORWARDED_IP", rate.get("AggregateKeyType").getAsString(), "behind CloudFront, the client's address");
        assertEquals(
                "X-Forwarded-For",
                rate.getAsJsonObject("ForwardedIPConfig").get("HeaderName").getAsString());
        assertEquals(
                "NO_MATCH",
                rate.getAsJsonObject("ForwardedIPConfig")
                        .get("FallbackBehavior")
                        .getAsString(),
                "Route 53's health checks carry no forwarded address and must not be limited or blocked");
        String edgeRules = String.valueOf(
                p3.inputs("aws:wafv2/webAcl:WebAcl", "edge-cdn-waf").get("ruleJson"));
        assertTrue(
                edgeRules.contains("\"AggregateKeyType\":\"IP\""),
                "the edge ACL keeps its own per-IP limit: " + edgeRules);
        var record =
                map(list(p3.inputs("aws:route53/record:Record", "edge-auth").get("aliases"))
                        .get(0));
        assertEquals("Z2FDTNDATAQYW2", record.get("zoneId"));
        assertEquals(
                false,
                record.get("evaluateTargetHealth"),
                "https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html");
        assertFalse(p3.has("aws:route53/record:Record", "keycloak-lb-shared"), "CloudFront owns auth.<domain> now");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void theEdgeCertificateAndAclUseTheUsEastOneProvider(int phase) {
        var plan = dev(phase).plan();
        boolean edgeProvider = plan.resources().stream()
                .anyMatch(r -> r.type().equals("pulumi:providers:aws")
                        && r.name().equals("aws-edge")
                        && "us-east-1".equals(r.inputs().get("region")));
        assertEquals(phase == 3, edgeProvider);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void abandonedMultipartUploadsAreRemovedInEveryPhase(int phase) {
        var rules = PlannedStack.list(dev(phase)
                .inputs("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "files-lifecycle")
                .get("rules"));
        var abort = PlannedStack.map(rules.get(0));
        assertEquals("abort-incomplete-uploads", abort.get("id"));
        assertEquals("Enabled", abort.get("status"));
        assertEquals(
                7L,
                ((Number) PlannedStack.map(abort.get("abortIncompleteMultipartUpload"))
                                .get("daysAfterInitiation"))
                        .longValue());
        assertEquals(phase >= 2 ? 4 : 1, rules.size(), "phases 0-1 move, expire and version nothing: " + rules);
    }

    @Test
    void theBucketGetsLifecycleRulesInPhaseTwoAndIntelligentTieringInPhaseThree() {
        String p2 = String.valueOf(
                dev(2).inputs("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "files-lifecycle")
                        .get("rules"));
        assertTrue(
                p2.contains("STANDARD_IA") && p2.contains("days=90"),
                "IA needs more than 30 days (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html)");
        assertTrue(p2.contains("prefix=exports/") && p2.contains("noncurrentDays=90"), p2);
        String p3 = String.valueOf(
                dev(3).inputs("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "files-lifecycle")
                        .get("rules"));
        assertTrue(p3.contains("INTELLIGENT_TIERING"));
        var tiering = dev(3).inputs(
                        "aws:s3/bucketIntelligentTieringConfiguration:BucketIntelligentTieringConfiguration",
                        "files-archive");
        assertTrue(String.valueOf(tiering.get("tierings")).contains("DEEP_ARCHIVE_ACCESS"));
    }

    @Test
    void everyPhasesFargateSizeIsOneFargateAccepts() {
        for (int phase = 0; phase <= 3; phase++) {
            for (PlannedResource task : dev(phase).all("aws:ecs/taskDefinition:TaskDefinition")) {
                int cpu = Integer.parseInt((String) task.inputs().get("cpu"));
                int memory = Integer.parseInt((String) task.inputs().get("memory"));
                assertTrue(
                        com.zebros.platform.config.FargateSizes.isValid(cpu, memory), task.name() + " phase " + phase);
            }
        }
    }
}
