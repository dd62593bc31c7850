package com.zebros.platform.tools.baseline;

import static com.zebros.platform.tools.offline.PlanInputs.at;
import static com.zebros.platform.tools.offline.PlanInputs.list;
import static com.zebros.platform.tools.offline.PlanInputs.map;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.config.Feature;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Set;

/** Public entry points: the load balancer, CloudFront, API Gateway and WAF. */
final class NetworkEdgeRules {
    static final Set<String> MODERN_TLS_POLICIES = Set.of(
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
            "ELBSecurityPolicy-TLS13-1-3-2021-06");

    private NetworkEdgeRules() {}

    static List<Rule> all() {
        return List.of(
                new Rule(
                        "EC2_HARDENED",
                        "an instance that routes every task's traffic must not leak credentials or data",
                        "require IMDSv2 (metadataOptions.httpTokens required) and an encrypted root volume",
                        NetworkEdgeRules::ec2Hardened),
                new Rule(
                        "ALB_HTTPS_ONLY",
                        "tokens and passwords cross the auth load balancer",
                        "listen with HTTPS and a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-1-2-2021-06); let HTTP only redirect",
                        NetworkEdgeRules::albHttpsOnly),
                new Rule(
                        "CLOUDFRONT_TLS",
                        "viewers must reach the edge over modern TLS only",
                        "set viewerProtocolPolicy redirect-to-https and minimumProtocolVersion TLSv1.2_2021",
                        NetworkEdgeRules::cloudfrontTls),
                new Rule(
                        "APIGW_ACCESS_LOGS_AND_THROTTLING",
                        "every API request must be traceable, and no caller may exhaust the account's quota",
                        "give the stage accessLogSettings and its method settings throttling limits",
                        NetworkEdgeRules::apigwAccessLogsAndThrottling),
                new Rule(
                        "WAF_ON_PUBLIC_ENTRY_POINTS",
                        "from phase 2 the seeds put WAF in front of every public entry point",
                        "associate the regional web ACL with the REST stage and the load balancer; give distributions a CLOUDFRONT web ACL",
                        NetworkEdgeRules::wafOnPublicEntryPoints));
    }

    private static void ec2Hardened(Plan plan, Rule.Findings findings) {
        for (PlannedResource instance : plan.ofType(AwsTypes.EC2_INSTANCE)) {
            if (!"required".equals(at(instance.inputs(), "metadataOptions", "httpTokens"))
                    || !Boolean.TRUE.equals(at(instance.inputs(), "rootBlockDevice", "encrypted"))) {
                findings.breach(instance.name(), "allows IMDSv1 or has an unencrypted root volume");
            }
        }
    }

    private static void albHttpsOnly(Plan plan, Rule.Findings findings) {
        for (PlannedResource listener : plan.ofType(AwsTypes.LB_LISTENER)) {
            String protocol = String.valueOf(listener.inputs().get("protocol"));
            if (protocol.equals("HTTPS")) {
                if (!MODERN_TLS_POLICIES.contains(
                        String.valueOf(listener.inputs().get("sslPolicy")))) {
                    findings.breach(listener.name(), "uses an outdated TLS policy");
                }
            } else {
                boolean redirects = list(listener.inputs().get("defaultActions")).stream()
                        .allMatch(a -> "redirect".equals(map(a).get("type"))
                                && "HTTPS".equals(at(map(a), "redirect", "protocol")));
                if (!redirects) {
                    findings.breach(listener.name(), "serves plain HTTP");
                }
            }
        }
    }

    private static void cloudfrontTls(Plan plan, Rule.Findings findings) {
        for (PlannedResource distribution : plan.ofType(AwsTypes.CLOUDFRONT_DISTRIBUTION)) {
            Object policy = at(distribution.inputs(), "defaultCacheBehavior", "viewerProtocolPolicy");
            Object tls = at(distribution.inputs(), "viewerCertificate", "minimumProtocolVersion");
            if (!Set.of("redirect-to-https", "https-only").contains(String.valueOf(policy))
                    || !String.valueOf(tls).startsWith("TLSv1.2")) {
                findings.breach(distribution.name(), "allows HTTP or TLS below 1.2");
            }
        }
    }

    private static void apigwAccessLogsAndThrottling(Plan plan, Rule.Findings findings) {
        for (PlannedResource stage : plan.ofType(AwsTypes.APIGATEWAY_STAGE)) {
            if (at(stage.inputs(), "accessLogSettings", "destinationArn") == null) {
                findings.breach(stage.name(), "writes no access logs");
            }
        }
        boolean throttled = plan.ofType(AwsTypes.APIGATEWAY_METHOD_SETTINGS).stream()
                .anyMatch(m -> at(m.inputs(), "settings", "throttlingRateLimit") != null
                        && at(m.inputs(), "settings", "throttlingBurstLimit") != null);
        if (!plan.ofType(AwsTypes.APIGATEWAY_STAGE).isEmpty() && !throttled) {
            findings.breach("the API stage", "has no throttling");
        }
    }

    private static void wafOnPublicEntryPoints(Plan plan, Rule.Findings findings) {
        if (!PhaseTable.defaults(plan.phase()).has(Feature.CUSTOM_API_DOMAIN_AND_WAF)) {
            return;
        }
        var associations = plan.ofType(AwsTypes.WAFV2_WEB_ACL_ASSOCIATION).stream()
                .map(a -> String.valueOf(a.inputs().get("resourceArn")))
                .toList();
        if (associations.stream().noneMatch(a -> a.contains("/stages/"))) {
            findings.breach("the REST stage", "has no web ACL");
        }
        if (!plan.ofType(AwsTypes.LB_LOAD_BALANCER).isEmpty()
                && associations.stream().noneMatch(a -> a.contains(":loadbalancer/"))) {
            findings.breach("the auth load balancer", "has no web ACL");
        }
        for (PlannedResource distribution : plan.ofType(AwsTypes.CLOUDFRONT_DISTRIBUTION)) {
            if (!String.valueOf(distribution.inputs().get("webAclId")).startsWith("arn:aws:wafv2:us-east-1:")) {
                findings.breach(distribution.name(), "has no CLOUDFRONT web ACL");
            }
        }
    }
}
