package com.zebros.platform.tools.preflight;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlanInputs;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Combinations AWS refuses although each value alone is valid, each with the page that says so.
 */
final class CrossFieldRules {
    private CrossFieldRules() {}

    static List<DocumentedRule> all() {
        return List.of(
                RuleSupport.perResource(
                        "dynamodb-billing-and-capacity",
                        AwsTypes.DYNAMODB_TABLE,
                        "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html",
                        CrossFieldRules::dynamodbBillingAndCapacity),
                RuleSupport.perPlan(
                        "lambda-snapstart-and-provisioned-concurrency",
                        "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html",
                        CrossFieldRules::snapStartWithProvisioned),
                RuleSupport.perResource(
                        "elasticache-replication-settings",
                        AwsTypes.ELASTICACHE_REPLICATION_GROUP,
                        "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html",
                        CrossFieldRules::elasticacheReplicationSettings),
                RuleSupport.perResource(
                        "elb-https-listener-certificate",
                        AwsTypes.LB_LISTENER,
                        "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html",
                        CrossFieldRules::elbHttpsListenerCertificate),
                RuleSupport.perResource(
                        "ecs-launch-type-or-capacity-providers",
                        AwsTypes.ECS_SERVICE,
                        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
                        CrossFieldRules::ecsLaunchTypeOrCapacityProviders),
                RuleSupport.perResource(
                        "lambda-vpc-config",
                        AwsTypes.LAMBDA_FUNCTION,
                        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
                        CrossFieldRules::lambdaVpcConfig),
                RuleSupport.perResource(
                        "cloudfront-certificate-and-acl-in-us-east-1",
                        AwsTypes.CLOUDFRONT_DISTRIBUTION,
                        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html",
                        CrossFieldRules::cloudfrontCertificateAndAclInUsEast1),
                RuleSupport.perResource(
                        "wafv2-cloudfront-scope-region",
                        AwsTypes.WAFV2_WEB_ACL,
                        "https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html",
                        CrossFieldRules::wafv2CloudfrontScopeRegion),
                RuleSupport.perResource(
                        "appautoscaling-capacity-range",
                        AwsTypes.APPAUTOSCALING_TARGET,
                        "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html",
                        CrossFieldRules::appautoscalingCapacityRange),
                RuleSupport.perResource(
                        "route53-record-shape",
                        AwsTypes.ROUTE53_RECORD,
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html",
                        CrossFieldRules::route53RecordShape),
                RuleSupport.perResource(
                        "cloudwatch-alarm-metric-or-queries",
                        AwsTypes.CLOUDWATCH_METRIC_ALARM,
                        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
                        CrossFieldRules::cloudwatchAlarmMetricOrQueries),
                RuleSupport.perPlan(
                        "aurora-serverless-v2-instance-class",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.create.html",
                        CrossFieldRules::serverlessInstances));
    }

    private static void dynamodbBillingAndCapacity(PlannedResource r, RuleSupport.Reporter report) {
        boolean onDemand = "PAY_PER_REQUEST".equals(r.inputs().get("billingMode"));
        capacity(report, r.inputs(), "", onDemand);
        List<Object> indexes = PlanInputs.list(r.inputs().get("globalSecondaryIndexes"));
        for (int i = 0; i < indexes.size(); i++) {
            capacity(report, PlanInputs.map(indexes.get(i)), "globalSecondaryIndexes[" + i + "].", onDemand);
        }
    }

    private static void elasticacheReplicationSettings(PlannedResource r, RuleSupport.Reporter report) {
        var in = r.inputs();
        boolean failover = Boolean.TRUE.equals(in.get("automaticFailoverEnabled"));
        Double shards = Values.number(in.get("numNodeGroups"));
        if (in.get("numCacheClusters") != null && shards != null) {
            report.finding(
                    "numCacheClusters",
                    in.get("numCacheClusters"),
                    "cannot be set with numNodeGroups: one is for a single shard, the other for cluster mode");
        }
        if (shards != null && shards > 1 && !failover) {
            report.finding(
                    "automaticFailoverEnabled",
                    in.get("automaticFailoverEnabled"),
                    "must be true with more than one shard (cluster mode)");
        }
        if (Boolean.TRUE.equals(in.get("multiAzEnabled")) && !failover) {
            report.finding("multiAzEnabled", true, "needs automaticFailoverEnabled");
        }
        if (in.get("authToken") != null && !Boolean.TRUE.equals(in.get("transitEncryptionEnabled"))) {
            report.finding("authToken", "[secret]", "needs transitEncryptionEnabled");
        }
        if ("enabled".equals(in.get("clusterMode")) && shards == null) {
            report.finding("clusterMode", "enabled", "needs numNodeGroups");
        }
    }

    private static void elbHttpsListenerCertificate(PlannedResource r, RuleSupport.Reporter report) {
        Object protocol = r.inputs().get("protocol");
        if (("HTTPS".equals(protocol) || "TLS".equals(protocol)) && r.inputs().get("certificateArn") == null) {
            report.finding("certificateArn", "(not set)", "is required by an " + protocol + " listener");
        }
    }

    private static void ecsLaunchTypeOrCapacityProviders(PlannedResource r, RuleSupport.Reporter report) {
        List<Object> strategy = PlanInputs.list(r.inputs().get("capacityProviderStrategies"));
        if (!strategy.isEmpty() && r.inputs().get("launchType") != null) {
            report.finding(
                    "launchType",
                    r.inputs().get("launchType"),
                    "must be omitted when a capacity provider strategy is given");
        }
        long withBase = strategy.stream()
                .map(PlanInputs::map)
                .filter(s -> Values.number(s.get("base")) != null && Values.number(s.get("base")) > 0)
                .count();
        if (withBase > 1) {
            report.finding(
                    "capacityProviderStrategies",
                    strategy.size() + " providers",
                    "may give a base to one capacity provider only");
        }
    }

    private static void lambdaVpcConfig(PlannedResource r, RuleSupport.Reporter report) {
        var vpc = PlanInputs.map(r.inputs().get("vpcConfig"));
        if (!vpc.isEmpty()
                && (PlanInputs.list(vpc.get("subnetIds")).isEmpty()
                        || PlanInputs.list(vpc.get("securityGroupIds")).isEmpty())) {
            report.finding("vpcConfig", vpc, "needs both subnets and security groups");
        }
    }

    private static void cloudfrontCertificateAndAclInUsEast1(PlannedResource r, RuleSupport.Reporter report) {
        String certificate = String.valueOf(PlanInputs.at(r.inputs(), "viewerCertificate", "acmCertificateArn"));
        if (certificate.startsWith("arn:") && !certificate.startsWith("arn:aws:acm:us-east-1:")) {
            report.finding("viewerCertificate.acmCertificateArn", certificate, "must be a certificate in us-east-1");
        }
        String acl = String.valueOf(r.inputs().get("webAclId"));
        if (acl.startsWith("arn:") && !acl.startsWith("arn:aws:wafv2:us-east-1:")) {
            report.finding("webAclId", acl, "must be a CLOUDFRONT-scope web ACL in us-east-1");
        }
    }

    private static void wafv2CloudfrontScopeRegion(PlannedResource r, RuleSupport.Reporter report) {
        if ("CLOUDFRONT".equals(r.inputs().get("scope")) && !"us-east-1".equals(r.region())) {
            report.finding("scope", "CLOUDFRONT", "is created in us-east-1 only, not " + r.region());
        }
    }

    private static void appautoscalingCapacityRange(PlannedResource r, RuleSupport.Reporter report) {
        Double min = Values.number(r.inputs().get("minCapacity"));
        Double max = Values.number(r.inputs().get("maxCapacity"));
        if (min != null && max != null && min > max) {
            report.finding("minCapacity", min.longValue(), "must not exceed maxCapacity (" + max.longValue() + ")");
        }
    }

    private static void route53RecordShape(PlannedResource r, RuleSupport.Reporter report) {
        var in = r.inputs();
        if (!PlanInputs.list(in.get("failoverRoutingPolicies")).isEmpty() && in.get("setIdentifier") == null) {
            report.finding("setIdentifier", "(not set)", "is required by a failover record");
        }
        if (!PlanInputs.list(in.get("aliases")).isEmpty()
                && (in.get("ttl") != null || !PlanInputs.list(in.get("records")).isEmpty())) {
            report.finding("ttl", in.get("ttl"), "and records must be omitted on an alias record");
        }
    }

    private static void cloudwatchAlarmMetricOrQueries(PlannedResource r, RuleSupport.Reporter report) {
        boolean queries = !PlanInputs.list(r.inputs().get("metricQueries")).isEmpty();
        if (queries && r.inputs().get("metricName") != null) {
            report.finding("metricName", r.inputs().get("metricName"), "cannot be set with metricQueries");
        }
        if (!queries && r.inputs().get("metricName") == null) {
            report.finding("metricName", "(not set)", "or metricQueries is required");
        }
    }

    private static void capacity(
            RuleSupport.Reporter report, Map<String, Object> inputs, String prefix, boolean onDemand) {
        for (String key : List.of("readCapacity", "writeCapacity")) {
            Double units = Values.number(inputs.get(key));
            if (onDemand && units != null && units > 0) {
                report.finding(prefix + key, units.longValue(), "cannot be set with billingMode PAY_PER_REQUEST");
            }
            if (!onDemand && (units == null || units < 1)) {
                report.finding(
                        prefix + key,
                        units == null ? "(not set)" : units.longValue(),
                        "must be at least 1 with billingMode PROVISIONED");
            }
        }
    }

    /** A function version with SnapStart cannot take provisioned concurrency. */
    private static void snapStartWithProvisioned(Plan plan, List<Finding> findings) {
        Set<String> provisioned = plan.ofType(AwsTypes.APPAUTOSCALING_TARGET).stream()
                .filter(t -> "lambda:function:ProvisionedConcurrency"
                        .equals(t.inputs().get("scalableDimension")))
                .map(t -> String.valueOf(t.inputs().get("resourceId")).split(":"))
                .filter(parts -> parts.length >= 2)
                .map(parts -> parts[1])
                .collect(Collectors.toSet());
        for (PlannedResource f : plan.ofType(AwsTypes.LAMBDA_FUNCTION)) {
            boolean snapStart = "PublishedVersions".equals(PlanInputs.at(f.inputs(), "snapStart", "applyOn"));
            if (snapStart && provisioned.contains(String.valueOf(f.inputs().get("name")))) {
                new RuleSupport.Reporter(
                                f,
                                "lambda-snapstart-and-provisioned-concurrency",
                                "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html",
                                findings)
                        .finding(
                                "snapStart.applyOn",
                                "PublishedVersions",
                                "cannot be combined with the provisioned " + "concurrency its alias is given");
            }
        }
    }

    /** An Aurora cluster that scales in ACUs runs its instances as db.serverless. */
    private static void serverlessInstances(Plan plan, List<Finding> findings) {
        Set<String> serverless = plan.ofType(AwsTypes.RDS_CLUSTER).stream()
                .filter(c -> !PlanInputs.map(c.inputs().get("serverlessv2ScalingConfiguration"))
                        .isEmpty())
                .map(c -> String.valueOf(c.inputs().get("clusterIdentifier")))
                .collect(Collectors.toSet());
        for (PlannedResource i : plan.ofType(AwsTypes.RDS_CLUSTER_INSTANCE)) {
            if (serverless.contains(String.valueOf(i.inputs().get("clusterIdentifier")))
                    && !"db.serverless".equals(i.inputs().get("instanceClass"))) {
                new RuleSupport.Reporter(
                                i,
                                "aurora-serverless-v2-instance-class",
                                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.create.html",
                                findings)
                        .finding(
                                "instanceClass",
                                i.inputs().get("instanceClass"),
                                "must be db.serverless in a cluster that scales in ACUs");
            }
        }
    }
}
