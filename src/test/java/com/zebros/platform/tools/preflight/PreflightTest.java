package com.zebros.platform.tools.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.zebros.platform.config.StackSettingsReader;
import com.zebros.platform.naming.Naming;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import com.zebros.platform.tools.offline.StackPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The preflight finds nothing in any stack at any phase, every planned resource type has a mapping,
 * and each rule family catches a value broken on purpose.
 */
class PreflightTest {

    @ParameterizedTest
    @CsvSource({
        "dev,0",
        "dev,1",
        "dev,2",
        "dev,3",
        "prod-us,0",
        "prod-us,1",
        "prod-us,2",
        "prod-us,3",
        "prod-eu,0",
        "prod-eu,1",
        "prod-eu,2",
        "prod-eu,3"
    })
    void everyStackAtEveryPhasePassesThePreflight(String stack, int phase) {
        var report = Preflight.evaluate(StackHarness.rawPlan(stack, phase));
        assertEquals(
                List.of(), report.findings().stream().map(Finding::describe).toList());
        assertTrue(report.inputsChecked() > 1000, "inputs checked: " + report.inputsChecked());
    }

    /** A new resource type without a mapping fails the build. */
    /**
     * docs/offline-plan.md's figures of the preflight are today's: the resource types mapped, the API members mapped
     * and those with a constraint (a length, pattern, numeric range, enum or required), the JSON shapes, and the rules
     * the models do not say.
     */
    @Test
    void theOfflinePlanPagesFiguresAreTodays() throws IOException {
        String page = Files.readString(Path.of("docs/offline-plan.md"));
        var mappings = JsonParser.parseString(Files.readString(Path.of("src/main/resources/preflight/mappings.json")))
                .getAsJsonObject();
        var constraints = JsonParser.parseString(
                        Files.readString(Path.of("src/main/resources/preflight/api-constraints.json")))
                .getAsJsonObject();
        long types = mappings.keySet().stream().filter(k -> !k.startsWith("_")).count();
        List<com.google.gson.JsonObject> members = new ArrayList<>();
        for (var type : constraints.getAsJsonObject("members").entrySet()) {
            for (var member : type.getValue().getAsJsonObject().entrySet()) {
                members.add(member.getValue().getAsJsonObject());
            }
        }
        long constrained = members.stream()
                .filter(m -> m.has("min")
                        || m.has("max")
                        || m.has("pattern")
                        || m.has("enum")
                        || (m.has("required") && m.get("required").getAsBoolean()))
                .count();
        assertEquals(String.valueOf(types), figure(page, "the plans contain \\((\\d+) types"));
        assertEquals(String.valueOf(members.size()), figure(page, "(\\d+) mapped members"));
        assertEquals(String.valueOf(constrained), figure(page, "mapped members, (\\d+) with a"));
        assertEquals(String.valueOf(constraints.getAsJsonObject("shapes").size()), figure(page, "the (\\d+) shapes"));
        assertEquals(
                String.valueOf(DocumentedRules.all().size()),
                figure(page, "\\*\\*What the models do not say\\*\\* \\((\\d+) rules"));
    }

    private static String figure(String page, String regex) {
        var figure = java.util.regex.Pattern.compile(regex).matcher(page);
        assertTrue(figure.find(), "docs/offline-plan.md: " + regex);
        return figure.group(1);
    }

    @Test
    void everyResourceTypeOfEveryPlanIsMappedAndTheTableIsCurrent() throws IOException {
        Set<String> types = new TreeSet<>();
        for (String stack : StackHarness.STACKS) {
            for (int phase = 0; phase <= 3; phase++) {
                StackHarness.rawPlan(stack, phase).resources().stream()
                        .map(PlannedResource::type)
                        .filter(t -> t.startsWith("aws:"))
                        .forEach(types::add);
            }
        }
        var table = ApiConstraints.get();
        List<String> unmapped = types.stream().filter(t -> !table.isMapped(t)).toList();
        assertEquals(List.of(), unmapped, "map them in src/main/resources/preflight/mappings.json");
        var mappings =
                JsonParser.parseString(resource("/preflight/mappings.json")).getAsJsonObject();
        for (String type : mappings.keySet()) {
            if (type.startsWith("_")
                    || mappings.getAsJsonObject(type).get("operation").isJsonNull()) {
                continue;
            }
            assertEquals(
                    mappings.getAsJsonObject(type).getAsJsonObject("inputs").keySet(),
                    table.forType(type).orElseThrow().keySet(),
                    type
                            + ": api-constraints.json is older than mappings.json; re-run tools/preflight/generate-constraints.py");
        }
        assertTrue(types.size() >= 80, "resource types in the plans: " + types.size());
    }

    @Test
    void aNameOneOverItsLimitIsCaughtByTheDocumentedRuleAndByTheModel() {
        assertFinding(
                dev(3),
                "aws:dax/cluster:Cluster",
                "dax",
                in -> in.put("clusterName", "z".repeat(21)),
                "clusterName",
                "at most 20 characters");
        assertFinding(
                dev(0),
                "aws:iam/role:Role",
                "customers-role",
                in -> in.put("name", "r".repeat(65)),
                "name",
                "length must be at most 64");
        assertFinding(
                dev(0),
                "aws:lb/targetGroup:TargetGroup",
                "keycloak-lb-keycloak",
                in -> in.put("name", "t".repeat(33)),
                "name",
                "at most 32 characters");
    }

    @Test
    void aBadCharacterIsCaughtFromTheModelsPatternAndItsDocumentation() {
        assertFinding(
                dev(2),
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                "functions-https",
                in -> in.put("description", "Keycloak's keys"),
                "description",
                "may only hold the characters");
        assertFinding(
                dev(0),
                "aws:kms/alias:Alias",
                "tables-key-alias",
                in -> in.put("name", "alias/has space"),
                "name",
                "must match the pattern");
    }

    @Test
    void aValueOutOfRangeAndAnUnknownEnumValueAreCaught() {
        assertFinding(
                dev(0),
                "aws:lambda/function:Function",
                "customers",
                in -> in.put("memorySize", 64L),
                "memorySize",
                "value must be at least 128");
        assertFinding(
                dev(0),
                "aws:dynamodb/table:Table",
                "customers",
                in -> in.put("billingMode", "ON_DEMAND"),
                "billingMode",
                "must be one of [PROVISIONED, PAY_PER_REQUEST]");
        assertFinding(
                dev(0),
                "aws:lambda/function:Function",
                "customers",
                in -> in.put("runtime", "java99"),
                "runtime",
                "must be one of");
    }

    @Test
    void aRequiredMemberAndAnAutonameTooLongAreCaught() {
        assertFinding(
                dev(0),
                "aws:apigateway/resource:Resource",
                "api-v1-customers",
                in -> in.remove("pathPart"),
                "pathPart",
                "is required by the API");
        PlannedResource policy = dev(0).ofType("aws:iam/rolePolicy:RolePolicy").get(0);
        Plan renamed = replace(
                dev(0),
                policy,
                new PlannedResource(
                        policy.urn(),
                        policy.type(),
                        "p".repeat(130),
                        policy.parent(),
                        policy.provider(),
                        policy.region(),
                        without(policy.inputs(), "name")));
        assertTrue(
                findings(renamed).stream()
                        .anyMatch(f -> f.input().equals("name") && f.value().startsWith("autoname")),
                "Pulumi's autoname of a 130-character logical name breaks the 128-character policy name");
    }

    @Test
    void valueRulesFromTheDocumentationAreCaught() {
        assertFinding(
                dev(0),
                "aws:cloudwatch/logGroup:LogGroup",
                "keycloak-logs",
                in -> in.put("retentionInDays", 10L),
                "retentionInDays",
                "must be one of");
        assertFinding(
                dev(0),
                "aws:ecs/taskDefinition:TaskDefinition",
                "keycloak",
                in -> in.put("memory", "700"),
                "memory",
                "MiB in steps of");
        assertFinding(
                dev(0),
                "aws:rds/cluster:Cluster",
                "auth-db",
                in -> in.put("serverlessv2ScalingConfiguration", Map.of("minCapacity", 0.75, "maxCapacity", 2)),
                "serverlessv2ScalingConfiguration.minCapacity",
                "steps of 0.5");
        assertFinding(
                dev(0),
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "monitoring-api-latency",
                in -> in.put("period", 45L),
                "period",
                "10, 30 or a multiple of 60");
        assertFinding(
                dev(0),
                "aws:sqs/queue:Queue",
                "job-queue",
                in -> in.put("messageRetentionSeconds", 30L),
                "messageRetentionSeconds",
                "must be 60 to 1209600");
        assertFinding(
                dev(0),
                "aws:kms/key:Key",
                "tables-key",
                in -> in.put("deletionWindowInDays", 45L),
                "deletionWindowInDays",
                "must be 7 to 30");
        assertFinding(
                rawPlan("prod-us", 0),
                "aws:route53/healthCheck:HealthCheck",
                rawPlan("prod-us", 0)
                        .ofType("aws:route53/healthCheck:HealthCheck")
                        .get(0)
                        .name(),
                in -> in.put("requestInterval", 20L),
                "requestInterval",
                "must be 10 or 30");
        assertFinding(
                dev(0),
                "aws:apigateway/integration:Integration",
                dev(0).ofType("aws:apigateway/integration:Integration").get(0).name(),
                in -> in.put("timeoutMilliseconds", 30_000L),
                "timeoutMilliseconds",
                "must be 50 to 29000");
        assertFinding(
                dev(0),
                "aws:lambda/function:Function",
                "customers",
                in -> in.put("environment", Map.of("variables", Map.of("BIG", "x".repeat(5000)))),
                "environment.variables",
                "must total at most 4 KB");
    }

    @Test
    void everyCrossFieldRuleCatchesItsCombination() {
        assertFinding(
                dev(0),
                "aws:dynamodb/table:Table",
                "customers",
                in -> in.put("readCapacity", 5L),
                "readCapacity",
                "cannot be set with billingMode PAY_PER_REQUEST");
        assertFinding(
                dev(1),
                "aws:dynamodb/table:Table",
                "customers",
                in -> in.remove("writeCapacity"),
                "writeCapacity",
                "must be at least 1 with billingMode PROVISIONED");
        assertFinding(
                dev(3),
                "aws:lambda/function:Function",
                "customers",
                in -> in.put("snapStart", Map.of("applyOn", "PublishedVersions")),
                "snapStart.applyOn",
                "cannot be combined with the provisioned concurrency");
        assertFinding(
                dev(3),
                "aws:elasticache/replicationGroup:ReplicationGroup",
                "sessions",
                in -> in.put("numCacheClusters", 2L),
                "numCacheClusters",
                "cannot be set with numNodeGroups");
        assertFinding(
                dev(3),
                "aws:elasticache/replicationGroup:ReplicationGroup",
                "sessions",
                in -> in.put("automaticFailoverEnabled", false),
                "automaticFailoverEnabled",
                "more than one shard");
        assertFinding(
                dev(0),
                "aws:lb/listener:Listener",
                "keycloak-lb-https",
                in -> in.remove("certificateArn"),
                "certificateArn",
                "is required by an HTTPS listener");
        assertFinding(
                dev(1),
                "aws:ecs/service:Service",
                "keycloak",
                in -> in.put(
                        "capacityProviderStrategies",
                        List.of(Map.of("capacityProvider", "FARGATE_SPOT", "weight", 1L))),
                "launchType",
                "must be omitted when a capacity provider strategy is given");
        assertFinding(
                dev(3),
                "aws:cloudfront/distribution:Distribution",
                "edge-cdn-api",
                in -> in.put("webAclId", "arn:aws:wafv2:eu-west-1:123456789012:global/webacl/x/1"),
                "webAclId",
                "in us-east-1");
        assertFinding(
                dev(1),
                "aws:appautoscaling/target:Target",
                dev(1).ofType("aws:appautoscaling/target:Target").get(0).name(),
                in -> in.put("minCapacity", 1_000_000L),
                "minCapacity",
                "must not exceed maxCapacity");
        assertFinding(
                dev(0),
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "monitoring-api-latency",
                in -> in.put("metricQueries", List.of(Map.of("id", "m1", "expression", "SUM(METRICS())"))),
                "metricName",
                "cannot be set with metricQueries");
        assertFinding(
                dev(0),
                "aws:rds/clusterInstance:ClusterInstance",
                dev(0).ofType("aws:rds/clusterInstance:ClusterInstance").get(0).name(),
                in -> in.put("instanceClass", "db.r6g.large"),
                "instanceClass",
                "must be db.serverless");
        assertFinding(
                rawPlan("prod-us", 0),
                "aws:route53/record:Record",
                firstFailoverRecord(),
                in -> in.remove("setIdentifier"),
                "setIdentifier",
                "is required by a failover record");
        assertFinding(
                dev(3),
                "aws:route53/record:Record",
                "edge-api",
                in -> in.put("ttl", 60L),
                "ttl",
                "must be omitted on an alias record");
        assertFinding(
                dev(3),
                "aws:lambda/function:Function",
                "customers",
                in -> in.put("vpcConfig", Map.of("subnetIds", List.of("subnet-1"), "securityGroupIds", List.of())),
                "vpcConfig",
                "needs both subnets and security groups");
        PlannedResource edgeAcl =
                dev(3).find("aws:wafv2/webAcl:WebAcl", "edge-cdn-waf").orElseThrow();
        Plan moved = replace(
                dev(3),
                edgeAcl,
                new PlannedResource(
                        edgeAcl.urn(),
                        edgeAcl.type(),
                        edgeAcl.name(),
                        edgeAcl.parent(),
                        edgeAcl.provider(),
                        "eu-west-1",
                        edgeAcl.inputs()));
        assertTrue(
                findings(moved).stream().anyMatch(f -> f.rule().contains("is created in us-east-1 only")),
                "a CLOUDFRONT web ACL outside us-east-1");
    }

    @Test
    void jsonDocumentsAreCheckedAgainstTheirShapesAndGrammars() {
        assertFinding(
                dev(0),
                "aws:ecs/taskDefinition:TaskDefinition",
                "keycloak",
                in -> in.put("containerDefinitions", "[{\"name\":\"k\",\"imagee\":\"x\"}]"),
                "containerDefinitions",
                "has no member 'imagee' in the API");
        assertFinding(
                dev(2),
                "aws:wafv2/webAcl:WebAcl",
                "edge-waf",
                in -> in.put(
                        "ruleJson",
                        "[{\"Name\":\"r\",\"Priority\":-1,\"Statement\":{},\"VisibilityConfig\":"
                                + "{\"SampledRequestsEnabled\":true,\"CloudWatchMetricsEnabled\":true,\"MetricName\":\"m\"}}]"),
                "ruleJson",
                "[0].Priority value must be at least 0");
        assertFinding(
                dev(0),
                "aws:iam/role:Role",
                "customers-role",
                in -> in.put(
                        "assumeRolePolicy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"sts:AssumeRole\"}]}"),
                "assumeRolePolicy",
                "needs Effect Allow or Deny");
        assertFinding(
                dev(0),
                "aws:iam/rolePolicy:RolePolicy",
                "customers-role-policy",
                in -> in.put(
                        "policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                                + "\"Resource\":\"*\",\"Principal\":\"*\"}]}"),
                "policy",
                "an identity policy may not");
        assertFinding(
                dev(0),
                "aws:sfn/stateMachine:StateMachine",
                "workflows-jobs",
                in -> in.put(
                        "definition",
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"C\":{\"Type\":\"Succeed\"}}}"),
                "definition",
                "Next names no state: B");
        assertFinding(
                dev(0),
                "aws:cloudwatch/dashboard:Dashboard",
                "monitoring-dashboard",
                in -> in.put(
                        "dashboardBody",
                        "{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,\"width\":30,\"height\":6,\"properties\":{}}]}"),
                "dashboardBody",
                "width must be 1 to 24");
        assertFinding(
                dev(0),
                "aws:cloudwatch/contributorInsightRule:ContributorInsightRule",
                "monitoring-active-users",
                in -> in.put(
                        "ruleDefinition", ((String) in.get("ruleDefinition")).replace("\"NotIn\"", "\"NotAmong\"")),
                "ruleDefinition",
                "has an unknown operator NotAmong");
    }

    @Test
    void contributorInsightsRulesFollowCloudWatchsRuleSyntax() {
        assertEquals(
                List.of(),
                InsightRuleSyntax.problems(String.valueOf(dev(0).find(
                                "aws:cloudwatch/contributorInsightRule:ContributorInsightRule",
                                "monitoring-active-users")
                        .orElseThrow()
                        .inputs()
                        .get("ruleDefinition"))),
                "the program's rule");
        var problems = InsightRuleSyntax.problems("{\"Schema\":{\"Name\":\"CloudWatchLogRule\",\"Version\":2},"
                + "\"LogGroupNames\":[\"g\"],\"LogFormat\":\"JSON\",\"Contribution\":{\"Keys\":[\"tenant\",\"$.a\",\"$.b\","
                + "\"$.c\",\"$.d\"],\"ValueOf\":\"$.bytes\",\"Filters\":[{\"Match\":\"$.status\",\"EqualTo\":\"200\"}]},"
                + "\"AggregateOn\":\"Count\"}");
        assertEquals(
                List.of(
                        "Schema must be {\"Name\": \"CloudWatchLogRule\", \"Version\": 1}",
                        "Contribution.Keys must hold one to four fields",
                        "Contribution.Keys must name a log field in JSON property format ($.name)",
                        "Contribution.ValueOf is given exactly when AggregateOn is Sum",
                        "Contribution.Filters[0].EqualTo takes a number"),
                problems);
    }

    @Test
    void policiesAndDashboardsNameUnknownElementsAndTextThatIsNotJson() {
        assertEquals(
                List.of("is not valid JSON"), PolicyGrammar.problems("{\"Version\":", PolicyGrammar.Kind.IDENTITY));
        assertEquals(List.of("is not valid JSON"), DashboardBody.problems("{widgets"));
        var policy = PolicyGrammar.problems(
                "{\"Version\":\"2012-10-17\",\"Statment\":[],\"Statement\":[{\"Effect\":"
                        + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Sid2\":\"x\"}]}",
                PolicyGrammar.Kind.IDENTITY);
        assertTrue(policy.contains("has an unknown element Statment"), policy.toString());
        assertTrue(policy.contains("Statement[0] has an unknown element Sid2"), policy.toString());
        var dashboard = DashboardBody.problems("{\"widget\":[]}");
        assertTrue(dashboard.contains("has an unknown element widget"), dashboard.toString());
    }

    @Test
    void theStatesLanguageValidatorFindsUnreachableStatesAndBadRetries() {
        var problems = StatesLanguage.problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:states:::ecs:runTask.sync\",\"End\":true,\"Retry\":[{\"ErrorEquals\":[],\"BackoffRate\":0.5}]},"
                + "\"B\":{\"Type\":\"Succeed\"}}}");
        assertTrue(problems.contains("state B cannot be reached from StartAt"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("non-empty ErrorEquals")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("BackoffRate")), problems.toString());
        assertTrue(StatesLanguage.problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":"
                        + "\"arn:aws:states:::ecs:runTaskk\",\"End\":true}}}")
                .get(0)
                .contains("no Lambda function"));
    }

    /**
     * Names built from the stack name stay valid for the longest name the config accepts: a stack of
     * that length, at phase 3 with every name-bearing resource, passes; one character more breaks the
     * tightest rule, which is why the config stops there.
     */
    @Test
    void theLongestStackNameTheConfigAcceptsKeepsEveryNameValid(@TempDir Path dir) throws IOException {
        String longest = "s".repeat(StackSettingsReader.MAX_STACK_NAME);
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi.prod-us.yaml"), dir.resolve("Pulumi." + longest + ".yaml"));
        var planner = new StackPlanner(dir, warning -> {});
        Plan plan = planner.plan(planner.settings(longest, Map.of("phase", "3")));
        assertEquals(
                List.of(),
                Preflight.evaluate(plan).findings().stream()
                        .map(Finding::describe)
                        .toList());
        assertTrue(
                new Naming(longest + "s", "us-east-1").physical("auth").length() > 32,
                "one more character breaks the load balancer's 32-character name");
        Files.copy(Path.of("Pulumi.dev.yaml"), dir.resolve("Pulumi." + longest + "s.yaml"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> planner.settings(longest + "s", Map.of()));
        assertTrue(
                e.getMessage().contains("at most " + StackSettingsReader.MAX_STACK_NAME + " characters")
                        && e.getMessage().contains("Elastic Load Balancing"),
                e.getMessage());
    }

    private static String firstFailoverRecord() {
        return rawPlan("prod-us", 0).ofType("aws:route53/record:Record").stream()
                .filter(r -> !((List<?>) r.inputs().getOrDefault("failoverRoutingPolicies", List.of())).isEmpty())
                .findFirst()
                .orElseThrow()
                .name();
    }

    private static void assertFinding(
            Plan plan, String type, String name, Consumer<Map<String, Object>> change, String input, String problem) {
        PlannedResource resource =
                plan.find(type, name).orElseThrow(() -> new AssertionError("no " + type + " " + name));
        Map<String, Object> inputs = new LinkedHashMap<>(resource.inputs());
        change.accept(inputs);
        List<Finding> findings = findings(replace(plan, resource, resource.withInputs(inputs)));
        assertTrue(
                findings.stream()
                        .anyMatch(f -> f.resource().equals(type + " " + name)
                                && f.input().startsWith(input)
                                && (f.rule() + " " + f.input()).contains(problem)),
                "expected '" + problem + "' on " + input + ", found: "
                        + findings.stream().map(Finding::describe).toList());
    }

    private static List<Finding> findings(Plan plan) {
        return Preflight.evaluate(plan).findings();
    }

    private static Plan replace(Plan plan, PlannedResource old, PlannedResource replacement) {
        List<PlannedResource> resources = new ArrayList<>(plan.resources());
        resources.set(resources.indexOf(old), replacement);
        return com.zebros.platform.support.PlanEdits.withResources(plan, resources);
    }

    private static Map<String, Object> without(Map<String, Object> inputs, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(inputs);
        copy.remove(key);
        return copy;
    }

    private static Plan dev(int phase) {
        return rawPlan("dev", phase);
    }

    private static Plan rawPlan(String stack, int phase) {
        return StackHarness.rawPlan(stack, phase);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PreflightTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
