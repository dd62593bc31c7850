package com.zebros.platform.tools.cost;

import com.google.gson.JsonParser;
import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a planned stack costs a month: the fixed cost at idle, item by item from the plan's own
 * resources (what runs or is billed whether anyone uses the CRM or not), and the unit prices of what
 * grows with use. Assumptions are stated with the figures.
 */
public record CostEstimate(
        String stack, int phase, String region, List<Item> fixed, List<UnitPrice> usage, List<String> assumptions) {
    public static final double HOURS = 730;

    /** One fixed cost: what, how many, at what unit price, for the month. */
    public record Item(String what, double quantity, String unit, double unitPrice, double monthly) {}

    /** One price of what scales with use. */
    public record UnitPrice(String what, String unit, double price) {}

    public double fixedMonthly() {
        return fixed.stream().mapToDouble(Item::monthly).sum();
    }

    public static CostEstimate of(Plan plan) {
        PriceTable p = PriceTable.of(plan.region());
        List<Item> items = new ArrayList<>();
        int nats = plan.ofType(AwsTypes.EC2_NAT_GATEWAY).size();
        add(items, "NAT gateway", nats, "gateway-hours", p.natGatewayHour() * HOURS, p.natGatewayHour());
        add(
                items,
                "public IPv4 address (NAT)",
                plan.ofType(AwsTypes.EC2_EIP).size(),
                "address-hours",
                p.publicIpv4Hour() * HOURS,
                p.publicIpv4Hour());
        int natInstances = plan.ofType(AwsTypes.EC2_INSTANCE).size();
        add(
                items,
                "NAT instance t4g.nano",
                natInstances,
                "instance-hours",
                p.natInstanceHour() * HOURS,
                p.natInstanceHour());
        add(
                items,
                "NAT instance public IPv4 address",
                natInstances,
                "address-hours",
                p.publicIpv4Hour() * HOURS,
                p.publicIpv4Hour());
        add(items, "NAT instance disk (8 GB gp3)", natInstances * 8, "GB-months", p.gp3GbMonth(), p.gp3GbMonth());
        int albs = plan.ofType(AwsTypes.LB_LOAD_BALANCER).size();
        add(
                items,
                "application load balancer (with 1 LCU)",
                albs,
                "ALB-hours",
                (p.albHour() + p.albLcuHour()) * HOURS,
                p.albHour() + p.albLcuHour());
        fargate(plan, p, items);
        aurora(plan, p, items);
        add(
                items,
                "KMS customer-managed key",
                plan.ofType(AwsTypes.KMS_KEY).size(),
                "keys",
                p.kmsKeyMonth(),
                p.kmsKeyMonth());
        add(
                items,
                "Secrets Manager secret",
                plan.ofType(AwsTypes.SECRETSMANAGER_SECRET).size(),
                "secrets",
                p.secretMonth(),
                p.secretMonth());
        dax(plan, p, items);
        redis(plan, p, items);
        dynamo(plan, p, items);
        provisionedConcurrency(plan, p, items);
        edgeAndOperations(plan, p, items);

        List<UnitPrice> usage = List.of(
                new UnitPrice("Lambda compute", "per GB-second", p.lambdaGbSecond()),
                new UnitPrice("Lambda requests", "per million", p.lambdaRequestsMillion()),
                new UnitPrice("API Gateway REST requests", "per million", p.restApiMillion()),
                new UnitPrice("DynamoDB on-demand reads", "per million read units", p.dynamoReadMillion()),
                new UnitPrice("DynamoDB on-demand writes", "per million write units", p.dynamoWriteMillion()),
                new UnitPrice("DynamoDB storage", "per GB-month", p.dynamoStorageGbMonth()),
                new UnitPrice("Aurora capacity above the minimum", "per ACU-hour", p.auroraAcuHour()),
                new UnitPrice("Aurora storage", "per GB-month", p.auroraStorageGbMonth()),
                new UnitPrice("Fargate workers", "per vCPU-hour", p.fargateVcpuHour()),
                new UnitPrice("Fargate workers", "per GB-hour", p.fargateGbHour()),
                new UnitPrice("Step Functions", "per 1,000 state transitions", p.stepFunctionsThousandTransitions()),
                new UnitPrice("SQS", "per million requests", p.sqsMillion()),
                new UnitPrice("S3 Standard storage", "per GB-month", p.s3StandardGbMonth()),
                new UnitPrice("NAT data processing", "per GB", p.natGatewayGb()),
                new UnitPrice("CloudWatch Logs ingestion", "per GB", p.logsIngestGb()),
                new UnitPrice("Contributor Insights matched log events", "per million", p.insightEventsMillion()),
                new UnitPrice("WAF requests", "per million", p.wafRequestsMillion()),
                new UnitPrice("CloudFront data out", "per GB", p.cloudFrontGb()),
                new UnitPrice("CloudFront HTTPS requests", "per 10,000", p.cloudFrontHttpsTenThousand()));
        List<String> assumptions = List.of(
                "list prices of " + PriceTable.DATE + " for " + plan.region()
                        + ", on demand, 730 hours a month, no free tier, no savings plans",
                "idle: Aurora at its minimum ACU on every instance, services at their minimum task count, provisioned capacity at its minimum",
                "one load balancer capacity unit per load balancer; data transfer, storage and requests are usage, priced below",
                "Fargate Spot tasks at AWS's stated discount of up to 70 % off on demand; the live Spot price moves and is at most"
                        + " the on-demand one",
                "Container Insights, VPC endpoints' data, and the hosted zone (shared by the stacks) are left out");
        return new CostEstimate(plan.stack(), plan.phase(), plan.region(), items, usage, assumptions);
    }

    /** WAF, health checks, the dashboard, alarms and Contributor Insights: billed per item and month. */
    private static void edgeAndOperations(Plan plan, PriceTable p, List<Item> items) {
        int acls = plan.ofType(AwsTypes.WAFV2_WEB_ACL).size();
        long rules = plan.ofType(AwsTypes.WAFV2_WEB_ACL).stream()
                .mapToLong(CostEstimate::wafRules)
                .sum();
        add(items, "WAF web ACL", acls, "ACLs", p.wafAclMonth(), p.wafAclMonth());
        add(items, "WAF rule", rules, "rules", p.wafRuleMonth(), p.wafRuleMonth());
        add(
                items,
                "Route 53 health check (HTTPS, latency)",
                plan.ofType(AwsTypes.ROUTE53_HEALTH_CHECK).size(),
                "checks",
                p.healthCheckMonth(),
                p.healthCheckMonth());
        add(
                items,
                "CloudWatch dashboard",
                plan.ofType(AwsTypes.CLOUDWATCH_DASHBOARD).size(),
                "dashboards",
                p.dashboardMonth(),
                p.dashboardMonth());
        add(
                items,
                "CloudWatch alarm",
                plan.ofType(AwsTypes.CLOUDWATCH_METRIC_ALARM).size(),
                "alarms",
                p.alarmMonth(),
                p.alarmMonth());
        add(
                items,
                "Contributor Insights rule",
                plan.ofType(AwsTypes.CLOUDWATCH_CONTRIBUTOR_INSIGHT_RULE).size(),
                "rules",
                p.insightRuleMonth(),
                p.insightRuleMonth());
    }

    private static void add(
            List<Item> items, String what, double quantity, String unit, double monthlyEach, double unitPrice) {
        if (quantity > 0) {
            items.add(new Item(what, quantity, unit, unitPrice, round(quantity * monthlyEach)));
        }
    }

    private static void fargate(Plan plan, PriceTable p, List<Item> items) {
        for (PlannedResource service : plan.ofType(AwsTypes.ECS_SERVICE)) {
            long tasks = service.inputs().get("desiredCount") instanceof Number n ? n.longValue() : 0;
            String family = String.valueOf(service.inputs().get("taskDefinition"));
            PlannedResource task = plan.ofType(AwsTypes.ECS_TASK_DEFINITION).stream()
                    .filter(t -> family.contains("task-definition/" + t.inputs().get("family") + ":"))
                    .findFirst()
                    .orElse(null);
            if (task == null || tasks == 0) {
                continue;
            }
            double vcpu = Double.parseDouble(String.valueOf(task.inputs().get("cpu"))) / 1024;
            double gb = Double.parseDouble(String.valueOf(task.inputs().get("memory"))) / 1024;
            String size = " (" + trim(vcpu) + " vCPU / " + trim(gb) + " GB)";
            long spot = FargateCapacity.spotTasks(service.inputs().get("capacityProviderStrategies"), tasks);
            double hourly = vcpu * p.fargateVcpuHour() + gb * p.fargateGbHour();
            add(items, "Fargate " + service.name() + size, tasks - spot, "tasks", hourly * HOURS, hourly);
            double spotHourly = hourly * (1 - p.fargateSpotDiscount());
            add(items, "Fargate Spot " + service.name() + size, spot, "tasks", spotHourly * HOURS, spotHourly);
        }
    }

    /** The rules of a web ACL as WAF bills them: one per rule, a managed rule group counting as one. */
    static long wafRules(PlannedResource acl) {
        String rules = String.valueOf(acl.inputs().get("ruleJson"));
        try {
            return JsonParser.parseString(rules).getAsJsonArray().size();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "web ACL " + acl.name() + " has rules the estimate cannot read (" + rules
                            + "): keep secrets out of ruleJson, in a pattern set of their own",
                    e);
        }
    }

    private static void aurora(Plan plan, PriceTable p, List<Item> items) {
        for (PlannedResource cluster : plan.ofType(AwsTypes.RDS_CLUSTER)) {
            Object min = ((Map<?, ?>) cluster.inputs().getOrDefault("serverlessv2ScalingConfiguration", Map.of()))
                    .get("minCapacity");
            double acu = min instanceof Number n ? n.doubleValue() : 0;
            long instances = plan.ofType(AwsTypes.RDS_CLUSTER_INSTANCE).size();
            add(
                    items,
                    "Aurora Serverless v2 at " + trim(acu) + " ACU",
                    acu * instances,
                    "ACU (" + instances + " instance" + (instances == 1 ? ")" : "s)"),
                    p.auroraAcuHour() * HOURS,
                    p.auroraAcuHour());
        }
    }

    private static void dax(Plan plan, PriceTable p, List<Item> items) {
        for (PlannedResource dax : plan.ofType(AwsTypes.DAX_CLUSTER)) {
            long nodes = ((Number) dax.inputs().get("replicationFactor")).longValue();
            boolean large = String.valueOf(dax.inputs().get("nodeType")).contains("r5");
            double hourly = large ? p.daxLargeNodeHour() : p.daxSmallNodeHour();
            add(items, "DAX node " + dax.inputs().get("nodeType"), nodes, "nodes", hourly * HOURS, hourly);
        }
    }

    private static void redis(Plan plan, PriceTable p, List<Item> items) {
        for (PlannedResource redis : plan.ofType(AwsTypes.ELASTICACHE_REPLICATION_GROUP)) {
            long nodes = redis.inputs().get("numCacheClusters") instanceof Number n
                    ? n.longValue()
                    : ((Number) redis.inputs().get("numNodeGroups")).longValue()
                            * (1 + ((Number) redis.inputs().get("replicasPerNodeGroup")).longValue());
            boolean large = String.valueOf(redis.inputs().get("nodeType")).contains("r7g");
            double hourly = large ? p.redisLargeNodeHour() : p.redisSmallNodeHour();
            add(items, "Redis node " + redis.inputs().get("nodeType"), nodes, "nodes", hourly * HOURS, hourly);
        }
    }

    private static void dynamo(Plan plan, PriceTable p, List<Item> items) {
        double rcu = 0;
        double wcu = 0;
        for (PlannedResource target : plan.ofType(AwsTypes.APPAUTOSCALING_TARGET)) {
            if ("dynamodb".equals(target.inputs().get("serviceNamespace"))) {
                double min = ((Number) target.inputs().get("minCapacity")).doubleValue();
                if (String.valueOf(target.inputs().get("scalableDimension")).contains("Read")) {
                    rcu += min;
                } else {
                    wcu += min;
                }
            }
        }
        add(
                items,
                "DynamoDB provisioned read capacity (minimum, tables and indexes)",
                rcu,
                "RCU",
                p.dynamoRcuHour() * HOURS,
                p.dynamoRcuHour());
        add(
                items,
                "DynamoDB provisioned write capacity (minimum, tables and indexes)",
                wcu,
                "WCU",
                p.dynamoWcuHour() * HOURS,
                p.dynamoWcuHour());
    }

    private static void provisionedConcurrency(Plan plan, PriceTable p, List<Item> items) {
        for (PlannedResource target : plan.ofType(AwsTypes.APPAUTOSCALING_TARGET)) {
            if (!"lambda".equals(target.inputs().get("serviceNamespace"))) {
                continue;
            }
            String function = String.valueOf(target.inputs().get("resourceId")).split(":")[1];
            double memoryGb = plan.ofType(AwsTypes.LAMBDA_FUNCTION).stream()
                    .filter(f -> function.equals(f.inputs().get("name")))
                    .mapToDouble(f -> ((Number) f.inputs().get("memorySize")).doubleValue() / 1024)
                    .findFirst()
                    .orElse(0);
            double min = ((Number) target.inputs().get("minCapacity")).doubleValue();
            double monthly = memoryGb * 3600 * HOURS * p.lambdaProvisionedGbSecond();
            add(
                    items,
                    "Lambda provisioned concurrency " + function + " (" + trim(memoryGb * 1024) + " MB)",
                    min,
                    "environments",
                    monthly,
                    p.lambdaProvisionedGbSecond());
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
