package com.zebros.platform;

import static com.zebros.platform.support.PlannedStack.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.support.PlannedStack;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.cost.CostEstimate;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard, the alarms of the seeds' triggers, encrypted logs, and the cost estimate. */
class OperationsTest {

    private static Set<String> widgetTitles(PlannedStack plan) {
        JsonObject body = JsonParser.parseString(
                        (String) plan.inputs("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard")
                                .get("dashboardBody"))
                .getAsJsonObject();
        Set<String> titles = new HashSet<>();
        for (JsonElement w : body.getAsJsonArray("widgets")) {
            titles.add(w.getAsJsonObject()
                    .getAsJsonObject("properties")
                    .get("title")
                    .getAsString());
        }
        return titles;
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void theDashboardShowsEveryMetricOfTheSeedsMonitoringList(int phase) {
        var plan = StackHarness.plan("dev", phase);
        assertEquals(
                Set.of(
                        "Per-endpoint latency p95 / p99 (ms)",
                        "Concurrent Lambda executions by function",
                        "DynamoDB consumed capacity by table",
                        "Step Functions execution time (report jobs)",
                        "Fargate CPU and memory (%)",
                        "API Gateway requests and integration latency",
                        "Active user sessions per hour",
                        "Report generation queue depth",
                        "File storage growth (bytes)",
                        "Cache hits and misses",
                        "Phase signals: customers, opportunities, data"),
                widgetTitles(plan));
        String body = String.valueOf(plan.inputs("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard")
                .get("dashboardBody"));
        assertTrue(
                body.contains("zebros-dev-customers") && body.contains("zebros-dev-authorizer"),
                "every function by name");
        assertTrue(body.contains("zebros-dev-activities"), "every table by name");
        assertEquals(
                phase >= 1, body.contains("zebros-dev-report-worker-work"), "the workers' queue once there is a pool");
    }

    /** Work that failed every try waits on a dead-letter queue; its first message there alarms the on-call. */
    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void everyDeadLetterQueueAlarmsOnItsFirstMessage(int phase) {
        var plan = StackHarness.plan("prod-us", phase);
        List<String> deadLetterQueues = plan.all("aws:sqs/queue:Queue").stream()
                .filter(q -> q.name().endsWith("dead-letters"))
                .map(q -> String.valueOf(q.inputs().get("name")))
                .sorted()
                .toList();
        assertEquals(phase >= 1 ? 3 : 2, deadLetterQueues.size(), "jobs, webhooks and, with a pool, reports");
        List<String> watched = plan.all("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> "AWS/SQS".equals(a.inputs().get("namespace"))
                        && number(a.inputs().get("threshold")) == 0.0)
                .peek(a -> {
                    assertEquals(
                            "ApproximateNumberOfMessagesVisible", a.inputs().get("metricName"));
                    assertEquals("GreaterThanThreshold", a.inputs().get("comparisonOperator"));
                    assertEquals("Maximum", a.inputs().get("statistic"));
                    assertEquals(3.0, number(a.inputs().get("datapointsToAlarm")), "three of");
                    assertEquals(5.0, number(a.inputs().get("evaluationPeriods")), "five minutes");
                    assertEquals(60.0, number(a.inputs().get("period")));
                })
                .map(a -> ((Map<?, ?>) a.inputs().get("dimensions"))
                        .get("QueueName")
                        .toString())
                .sorted()
                .toList();
        assertEquals(deadLetterQueues, watched, "one alarm per dead-letter queue, on that queue");
        // What docs/operations.md says of them: a dead letter waits 14 days, after 5, 20 and 3 receives.
        plan.all("aws:sqs/queue:Queue").stream()
                .filter(q -> q.name().endsWith("dead-letters"))
                .forEach(q -> assertEquals(1_209_600.0, number(q.inputs().get("messageRetentionSeconds")), q.name()));
        Map<String, Integer> receives = Map.of("job-queue", 5, "webhook-deliveries", 20, "report-worker-work", 3);
        var sources = plan.all("aws:sqs/queue:Queue").stream()
                .filter(q -> receives.containsKey(q.name()))
                .toList();
        assertEquals(phase >= 1 ? 3 : 2, sources.size(), "the queues the dead-letter queues serve");
        sources.forEach(q -> assertTrue(
                String.valueOf(q.inputs().get("redrivePolicy"))
                        .contains("\"maxReceiveCount\":" + receives.get(q.name())),
                q.name() + ": " + q.inputs().get("redrivePolicy")));
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void everyTriggerOfTheSeedsHasAnAlarmToTheOnCallTopic(int phase) {
        var plan = StackHarness.plan("prod-us", phase);
        Map<String, Map<String, Object>> alarms = new HashMap<>();
        plan.all("aws:cloudwatch/metricAlarm:MetricAlarm").forEach(a -> alarms.put(a.name(), a.inputs()));
        assertEquals(200.0, number(alarms.get("monitoring-api-latency").get("threshold")), "API latency > 200 ms");
        assertEquals("p95", alarms.get("monitoring-api-latency").get("extendedStatistic"));
        assertEquals(70.0, number(alarms.get("monitoring-keycloak-cpu").get("threshold")), "CPU > 70 %");
        assertEquals(70.0, number(alarms.get("monitoring-keycloak-memory").get("threshold")), "memory > 70 %");
        assertEquals(1.0, number(alarms.get("monitoring-api-errors").get("threshold")), "error rate > 1 %");
        assertTrue(String.valueOf(alarms.get("monitoring-api-errors").get("metricQueries"))
                .contains("100 * errors / requests"));
        assertEquals(10.0, number(alarms.get("monitoring-job-queue").get("threshold")), "report queue > 10");
        // Each reserved function alarms at 80 % of its own reservation or when throttled; the account alarm watches
        // what the reservations leave (phase 0 reserves 100 of 1,000, phase 1 200, phase 2 600, phase 3 only the
        // processing and event functions: 40 + 20 + 20 + 20), plus the hourly signals and migrations functions' 1 each.
        double[] reservedTotal = {102, 202, 602, 102};
        var account = alarms.get("monitoring-lambda-concurrency");
        assertEquals("UnreservedConcurrentExecutions", account.get("metricName"));
        assertEquals(0.8 * (1000 - reservedTotal[phase]), number(account.get("threshold")), 1e-9);
        var reserved = alarms.keySet().stream()
                .filter(n -> n.startsWith("monitoring-concurrency-"))
                .collect(Collectors.toSet());
        assertEquals(phase < 3 ? 11 : 6, reserved.size(), reserved.toString());
        var customers = alarms.get(phase < 3 ? "monitoring-concurrency-customers" : "monitoring-concurrency-reporting");
        String queries = String.valueOf(customers.get("metricQueries"));
        assertEquals(80.0, number(customers.get("threshold")));
        int reservation = phase < 3 ? new int[] {15, 30, 80}[phase] : 40;
        assertTrue(queries.contains("IF(throttled > 0, 100, 100 * running / " + reservation + ")"), queries);
        assertTrue(queries.contains("Throttles") && queries.contains("ConcurrentExecutions"), queries);
        assertEquals(50.0, number(alarms.get("monitoring-active-users").get("threshold")), "> 50 concurrent users");
        for (String group : List.of(
                "customers",
                "contacts",
                "opportunities",
                "activities",
                "reporting",
                "analytics",
                "notification",
                "authorizer",
                "signals")) {
            var memory = alarms.get("monitoring-memory-" + group);
            assertEquals(70.0, number(memory.get("threshold")), "memory > 70 % → increase Lambda memory");
            assertEquals("MemoryUsedPercent", memory.get("metricName"));
            assertEquals(Map.of("FunctionName", "zebros-prod-us-" + group), memory.get("dimensions"));
        }
        assertEquals(phase >= 1, alarms.containsKey("monitoring-workers-queue"));
        String topic = String.valueOf(plan.output("alarmTopicArn"));
        alarms.values().forEach(a -> assertEquals(List.of(topic), a.get("alarmActions")));
        var subscription = plan.inputs("aws:sns/topicSubscription:TopicSubscription", "monitoring-oncall");
        assertEquals("platform-oncall@zebros.example", subscription.get("endpoint"));
        assertTrue(
                String.valueOf(plan.inputs("aws:sns/topic:Topic", "monitoring-alarms")
                                .get("kmsMasterKeyId"))
                        .startsWith("arn:aws:kms:"),
                "the alarm topic is encrypted with a key CloudWatch may use");
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void activeUsersAreCountedFromTheAccessLogInEveryPhase(int phase) {
        var plan = StackHarness.plan("dev", phase);
        var rule =
                plan.inputs("aws:cloudwatch/contributorInsightRule:ContributorInsightRule", "monitoring-active-users");
        JsonObject definition =
                JsonParser.parseString((String) rule.get("ruleDefinition")).getAsJsonObject();
        assertEquals(
                "/zebros/dev/api-access",
                definition.getAsJsonArray("LogGroupNames").get(0).getAsString());
        // The rule's keys must be fields the access log writes, or it counts nothing.
        JsonObject logLine = JsonParser.parseString((String) map(plan.inputs("aws:apigateway/stage:Stage", "api-stage")
                                .get("accessLogSettings"))
                        .get("format"))
                .getAsJsonObject();
        for (JsonElement key : definition.getAsJsonObject("Contribution").getAsJsonArray("Keys")) {
            assertTrue(logLine.has(key.getAsString().substring(2)), key + " is a field of the access log " + logLine);
        }
        assertEquals("$context.authorizer.principalId", logLine.get("user").getAsString());
        String alarm = String.valueOf(plan.inputs("aws:cloudwatch/metricAlarm:MetricAlarm", "monitoring-active-users")
                .get("metricQueries"));
        assertTrue(
                alarm.contains("INSIGHT_RULE_METRIC('" + rule.get("ruleName") + "', 'UniqueContributors')")
                        && alarm.contains("period=3600"),
                alarm);
        String body = String.valueOf(plan.inputs("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard")
                .get("dashboardBody"));
        assertTrue(body.contains("INSIGHT_RULE_METRIC('zebros-dev-active-users', 'UniqueContributors')"), body);
        assertFalse(body.contains("ActiveUsersThisHour"), "no metric that only Redis could emit");
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 3})
    void reportTimeIsReadFromTheWorkersLogAndEveryWorkersTasksAreOnTheFargateWidget(int phase) {
        var plan = StackHarness.plan("dev", phase);
        var filters = plan.all("aws:cloudwatch/logMetricFilter:LogMetricFilter");
        assertEquals(4, filters.size(), "one per kind of worker");
        var report = plan.inputs("aws:cloudwatch/logMetricFilter:LogMetricFilter", "report-worker-job-seconds");
        assertEquals("/zebros/dev/report-worker", report.get("logGroupName"));
        assertEquals("{ $.message = \"job done\" }", report.get("pattern"));
        var metric = map(report.get("metricTransformation"));
        assertEquals("$.seconds", metric.get("value"));
        assertEquals(Map.of("Kind", "$.kind"), metric.get("dimensions"));
        JsonObject body = JsonParser.parseString(
                        String.valueOf(plan.inputs("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard")
                                .get("dashboardBody")))
                .getAsJsonObject();
        Map<String, String> widgets = new HashMap<>();
        body.getAsJsonArray("widgets").forEach(w -> {
            var properties = w.getAsJsonObject().getAsJsonObject("properties");
            widgets.put(
                    properties.get("title").getAsString(),
                    properties.get("metrics").toString());
        });
        String reports = widgets.get("Step Functions execution time (report jobs)");
        assertTrue(reports.contains("[\"ZebrosCRM\",\"JobSeconds\",\"Kind\",\"report\""), reports);
        String fargate = widgets.get("Fargate CPU and memory (%)");
        for (String kind : List.of("import", "export", "analytics", "report")) {
            String family = String.valueOf(plan.inputs("aws:ecs/taskDefinition:TaskDefinition", kind + "-worker")
                    .get("family"));
            assertTrue(fargate.contains("\"TaskDefinitionFamily\",\"" + family + "\""), kind + " tasks: " + fargate);
            assertTrue(fargate.contains("100 * " + kind + "CpuUtilized / " + kind + "CpuReserved"), fargate);
        }
    }

    @Test
    void anHourlyFunctionMeasuresThePhaseSignalsWithDescribeTableOnly() {
        var plan = StackHarness.plan("prod-us", 1);
        var signals = plan.inputs("aws:lambda/function:Function", "signals");
        assertEquals("com.zebros.crm.lambda.PhaseSignalsHandler::handleRequest", signals.get("handler"));
        assertEquals(
                "prod-us", map(map(signals.get("environment")).get("variables")).get("STACK_NAME"));
        assertEquals(
                "rate(1 hour)",
                plan.inputs("aws:cloudwatch/eventRule:EventRule", "phase-signals")
                        .get("scheduleExpression"));
        assertTrue(
                String.valueOf(plan.inputs("aws:cloudwatch/eventTarget:EventTarget", "phase-signals")
                                .get("arn"))
                        .endsWith(":function:zebros-prod-us-signals:live"),
                "the schedule invokes the live alias");
        var permission = plan.inputs("aws:lambda/permission:Permission", "phase-signals-invoke");
        assertEquals("events.amazonaws.com", permission.get("principal"));
        String policy = String.valueOf(plan.inputs("aws:iam/rolePolicy:RolePolicy", "signals-role-policy")
                .get("policy"));
        JsonObject document = JsonParser.parseString(policy).getAsJsonObject();
        Set<String> dataActions = new HashSet<>();
        document.getAsJsonArray("Statement").forEach(st -> {
            JsonElement action = st.getAsJsonObject().get("Action");
            (action.isJsonArray()
                            ? action.getAsJsonArray()
                            : com.google.gson.JsonParser.parseString("[" + action + "]")
                                    .getAsJsonArray())
                    .forEach(a -> {
                        if (!a.getAsString().startsWith("logs:")
                                && !a.getAsString().startsWith("xray:")) {
                            dataActions.add(a.getAsString());
                        }
                    });
        });
        assertEquals(Set.of("dynamodb:DescribeTable"), dataActions, "it reads no item: " + policy);
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void crossingIntoTheNextPhasesBandOnAnySignalAlarmsWithThePromoteCommand(int phase) {
        var plan = StackHarness.plan("prod-us", phase);
        Map<String, Map<String, Object>> bands = new HashMap<>();
        plan.all("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> a.name().startsWith("monitoring-band-"))
                .forEach(a -> bands.put(a.name().substring("monitoring-band-".length()), a.inputs()));
        if (phase == 3) {
            assertEquals(Map.of(), bands, "no phase after 3");
            return;
        }
        assertEquals(Set.of("customers", "opportunities", "crmdatabytes", "users"), bands.keySet());
        double[][] thresholds = {
            {500, 50, 2.5 * (1L << 30), 12},
            {1_000, 100, 5.0 * (1L << 30), 25},
            {10_001, 1_001, 50.0 * (1L << 30) + 1, 101}
        };
        assertEquals(thresholds[phase][0], number(bands.get("customers").get("threshold")));
        assertEquals(thresholds[phase][1], number(bands.get("opportunities").get("threshold")));
        assertEquals(thresholds[phase][2], number(bands.get("crmdatabytes").get("threshold")));
        assertEquals(thresholds[phase][3], number(bands.get("users").get("threshold")));
        assertEquals(Map.of("Stack", "prod-us"), bands.get("customers").get("dimensions"), "the function's dimension");
        String description = String.valueOf(bands.get("customers").get("alarmDescription"));
        assertTrue(description.contains("promote --stack prod-us --to " + (phase + 1)), description);
        assertTrue(
                String.valueOf(bands.get("users").get("metricQueries")).contains("period=86400"),
                "distinct users a day");
    }

    @Test
    void theFileStorageWidgetSumsEveryStorageClassAndShowsGrowthPerDay() {
        String body = String.valueOf(StackHarness.plan("dev", 3)
                .inputs("aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard")
                .get("dashboardBody"));
        JsonObject storage = null;
        for (JsonElement w : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("widgets")) {
            JsonObject properties = w.getAsJsonObject().getAsJsonObject("properties");
            if (properties.get("title").getAsString().startsWith("File storage")) {
                storage = properties;
            }
        }
        String metrics = String.valueOf(storage.get("metrics"));
        assertTrue(
                metrics.contains("{AWS/S3,BucketName,StorageType} MetricName=\\\"BucketSizeBytes\\\"")
                        && !metrics.contains("StandardStorage"),
                "every storage class, not Standard alone: " + metrics);
        assertTrue(metrics.contains("SUM(classes)") && metrics.contains("DIFF(total)"), metrics);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void logGroupsAreEncryptedAndKeptForThePhasesRetention() {
        int[] retention = {14, 30, 90, 365};
        for (int phase = 0; phase <= 3; phase++) {
            for (PlannedResource group : StackHarness.plan("dev", phase).all("aws:cloudwatch/logGroup:LogGroup")) {
                assertEquals((long) retention[phase], group.inputs().get("retentionInDays"), group.name());
                assertTrue(
                        String.valueOf(group.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:us-east-1:"),
                        group.name());
            }
        }
        var names = StackHarness.plan("dev", 0).all("aws:cloudwatch/logGroup:LogGroup").stream()
                .map(g -> String.valueOf(g.inputs().get("name")))
                .collect(Collectors.toSet());
        assertTrue(
                names.stream().anyMatch(n -> n.matches("API-Gateway-Execution-Logs_[^/]+/live")),
                "API Gateway's execution log group is ours, not left for API Gateway to create: " + names);
        assertTrue(
                names.stream().anyMatch(n -> n.matches("/aws/rds/cluster/zebros-dev-auth-us-east-1/postgresql")),
                "the Aurora cluster's exported log group is ours: " + names);
        String policy = String.valueOf(
                StackHarness.plan("dev", 0).inputs("aws:kms/key:Key", "ops-key").get("policy"));
        assertTrue(
                policy.contains("logs.us-east-1.amazonaws.com") && policy.contains("cloudwatch.amazonaws.com"), policy);
    }

    @Test
    void theIdleCostOfDevAtPhaseZeroIsTheSeedsFloorPlusSmallItemsAsCheckedByHand() {
        CostEstimate estimate = CostEstimate.of(StackHarness.rawPlan("dev", 0));
        Map<String, Double> items = estimate.fixed().stream()
                .collect(Collectors.toMap(CostEstimate.Item::what, CostEstimate.Item::monthly));
        // By hand, us-east-1 list prices, 730 h: Aurora 1 ACU x 0.12 = 87.60; Keycloak 0.25 x 0.04048 + 1 x 0.004445
        // = 0.014565/h = 10.63; ALB (0.0225 + 1 LCU 0.008) = 0.0305/h = 22.27; NAT instance 0.0042/h = 3.07,
        // its address 0.005/h = 3.65, 8 GB gp3 = 0.64; 4 keys 4.00; 2 secrets 0.80; dashboard 3.00; 35 alarms 3.50.
        assertEquals(87.60, items.get("Aurora Serverless v2 at 1 ACU"), 0.005);
        assertEquals(10.63, items.get("Fargate keycloak (0.25 vCPU / 1 GB)"), 0.005);
        assertEquals(22.27, items.get("application load balancer (with 1 LCU)"), 0.005);
        assertEquals(3.07, items.get("NAT instance t4g.nano"), 0.005);
        assertEquals(4.00, items.get("KMS customer-managed key"), 0.005);
        assertFalse(items.containsKey("NAT gateway"), "no idle NAT gateway");
        // Plus 11 per-function concurrency alarms, 11 per-function memory alarms and 4 phase-band alarms (2.60).
        // Keycloak at 1 GB rather than the seeds' 0.5 GB: 1.62 more.
        // And the active-users Contributor Insights rule (0.50).
        assertEquals(139.66, estimate.fixedMonthly(), 0.01);
        double floor = 87.60 + 9.01 + 22.27; // with the seeds' 0.5 GB Keycloak
        // Within 20 % of the seeds' floor: the NAT instance, keys and secrets, and since the seeds' triggers were made
        // to fire in every phase, and every dead-letter queue watched, 35 alarms (3.50).
        assertTrue(estimate.fixedMonthly() < floor * 1.20, "within 20 % of the seeds' floor of " + floor);
    }

    @Test
    void laterPhasesAddTheirLayersToTheEstimate() {
        var p2 = CostEstimate.of(StackHarness.rawPlan("dev", 2)).fixed().stream()
                .map(CostEstimate.Item::what)
                .collect(Collectors.toSet());
        assertTrue(
                p2.contains("NAT gateway")
                        && p2.contains("DAX node dax.t3.small")
                        && p2.contains("Redis node cache.t4g.small")
                        && p2.contains("WAF web ACL"),
                p2.toString());
        var p1 = CostEstimate.of(StackHarness.rawPlan("dev", 1)).fixed().stream()
                .map(CostEstimate.Item::what)
                .collect(Collectors.toSet());
        assertTrue(
                p1.contains("DynamoDB provisioned read capacity (minimum, tables and indexes)"),
                "provisioned minimums are a fixed cost from phase 1: " + p1);
        var p3 = CostEstimate.of(StackHarness.rawPlan("dev", 3));
        assertTrue(p3.fixed().stream().anyMatch(i -> i.what().startsWith("Lambda provisioned concurrency")));
        assertTrue(CostEstimate.of(StackHarness.rawPlan("dev", 3)).fixedMonthly()
                > CostEstimate.of(StackHarness.rawPlan("dev", 2)).fixedMonthly());
    }

    @Test
    void phaseThreeBillsTheRulesTheAclsHoldAndTheReportWorkersOnSpotAtSpotPrices() {
        var items = CostEstimate.of(StackHarness.rawPlan("prod-us", 3)).fixed().stream()
                .collect(Collectors.toMap(CostEstimate.Item::what, i -> i));
        // Regional: require-edge, three managed groups, the forwarded-IP limit; edge: three managed groups and the IP
        // limit.
        assertEquals(9.0, items.get("WAF rule").quantity());
        assertEquals(2.0, items.get("WAF web ACL").quantity());
        // The report pool's strategy: base 1 on FARGATE, the rest on FARGATE_SPOT; phase 3 keeps 2 tasks at idle.
        var onDemand = items.get("Fargate report-worker (0.5 vCPU / 1 GB)");
        var spot = items.get("Fargate Spot report-worker (0.5 vCPU / 1 GB)");
        assertEquals(1.0, onDemand.quantity(), items.keySet().toString());
        assertEquals(1.0, spot.quantity());
        assertEquals(onDemand.unitPrice() * 0.3, spot.unitPrice(), 1e-12, "AWS's stated Spot discount of up to 70 %");
    }

    @Test
    void theWriteCapacityMinimumsAreTheSeedsPerTableFiguresOnTablesAndTheIndexesOwnFloors() {
        var p1 = CostEstimate.of(StackHarness.rawPlan("dev", 1));
        double wcu = p1.fixed().stream()
                .filter(i -> i.what().startsWith("DynamoDB provisioned write"))
                .mapToDouble(CostEstimate.Item::quantity)
                .sum();
        // Tables at the seeds' customers 25, contacts 50, opportunities 25, activities 100; each index at its
        // own floor of 5 (at the tables' minimums they were 400 of 600); 10 indexes: the contacts byName index, read by
        // nothing, was removed; the activities' openTasks (a user's open tasks), the customers' byDomain and the
        // contacts' byEmail (the search) added; then the lists' combinations, 4 on customers and 5 on opportunities.
        assertEquals(25 + 50 + 25 + 100 + 19 * 5, wcu, 1e-9);
    }
}
