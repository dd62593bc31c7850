package com.zebros.platform.edge;

import com.zebros.platform.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a web ACL in the WAFv2 API's JSON: AWS managed rule groups (common exploits, known
 * bad inputs, IP reputation), a rate limit per client IP, and, behind CloudFront, a rule that blocks
 * requests without the edge's secret header, health checks excepted (Route 53 cannot send headers), with
 * the rate limit on the address CloudFront forwards.
 */
public final class WebAclRules {
    static final List<String> MANAGED_GROUPS = List.of(
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesAmazonIpReputationList");
    /** Paths Route 53 probes on the regional names (the API's health, Keycloak's discovery document). */
    static final List<String> HEALTH_PATHS = List.of("/v1/health", "/.well-known/openid-configuration");

    private final List<Map<String, Object>> rules = new ArrayList<>();
    private final String metricPrefix;

    public WebAclRules(String metricPrefix) {
        this.metricPrefix = metricPrefix;
    }

    /**
     * Blocks what did not come through CloudFront: a request whose origin header does not match the pattern set
     * holding the header's value. The value lives in the pattern set (a secret input of its own), so these rules
     * stay readable in a plan.
     */
    public WebAclRules requireOriginHeader(String patternSetArn) {
        List<Object> exemptions = new ArrayList<>();
        for (String path : HEALTH_PATHS) {
            exemptions.add(Map.of("ByteMatchStatement", byteMatch(Map.of("UriPath", Map.of()), path, "ENDS_WITH")));
        }
        Map<String, Object> missingHeader = Map.of(
                "NotStatement",
                Map.of(
                        "Statement",
                        Map.of(
                                "RegexPatternSetReferenceStatement",
                                Map.of(
                                        "ARN",
                                        patternSetArn,
                                        "FieldToMatch",
                                        Map.of("SingleHeader", Map.of("Name", OriginSecret.HEADER)),
                                        "TextTransformations",
                                        List.of(Map.of("Priority", 0, "Type", "NONE"))))));
        Map<String, Object> notHealth =
                Map.of("NotStatement", Map.of("Statement", Map.of("OrStatement", Map.of("Statements", exemptions))));
        rules.add(rule(
                "require-edge",
                0,
                Map.of("AndStatement", Map.of("Statements", List.of(missingHeader, notHealth))),
                "Action",
                Map.of("Block", Map.of())));
        return this;
    }

    public WebAclRules managedGroups() {
        int priority = 10;
        for (String group : MANAGED_GROUPS) {
            rules.add(rule(
                    group,
                    priority,
                    Map.of("ManagedRuleGroupStatement", Map.of("VendorName", "AWS", "Name", group)),
                    "OverrideAction",
                    Map.of("None", Map.of())));
            priority += 10;
        }
        return this;
    }

    public WebAclRules rateLimitPerIp(int requestsPer5Minutes) {
        rules.add(rule(
                "rate-per-ip",
                100,
                Map.of("RateBasedStatement", Map.of("Limit", requestsPer5Minutes, "AggregateKeyType", "IP")),
                "Action",
                Map.of("Block", Map.of())));
        return this;
    }

    /**
     * Behind CloudFront every request arrives from CloudFront's addresses, so a per-IP limit would count CloudFront,
     * not clients, and block many clients at once. This limits per client address as CloudFront forwards it in
     * X-Forwarded-For (WAF reads its first address). A request without a valid forwarded address does not match:
     * only Route 53's health checks arrive so, and require-edge blocks anything else that skips CloudFront.
     * A client can put an address of its own first in the header, so this limit is a second line: the edge ACL's
     * per-IP limit counts the address CloudFront itself saw.
     * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-forwarded-ip-address.html
     */
    public WebAclRules rateLimitPerForwardedIp(int requestsPer5Minutes) {
        rules.add(rule(
                "rate-per-client-ip",
                100,
                Map.of(
                        "RateBasedStatement",
                        Map.of(
                                "Limit",
                                requestsPer5Minutes,
                                "AggregateKeyType",
                                "FORWARDED_IP",
                                "ForwardedIPConfig",
                                Map.of("HeaderName", "X-Forwarded-For", "FallbackBehavior", "NO_MATCH"))),
                "Action",
                Map.of("Block", Map.of())));
        return this;
    }

    public String toJson() {
        return CanonicalJson.write(rules);
    }

    private Map<String, Object> rule(
            String name, int priority, Map<String, Object> statement, String actionKey, Map<String, Object> action) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("Name", name);
        rule.put("Priority", priority);
        rule.put("Statement", statement);
        rule.put(actionKey, action);
        rule.put(
                "VisibilityConfig",
                Map.of(
                        "SampledRequestsEnabled",
                        true,
                        "CloudWatchMetricsEnabled",
                        true,
                        "MetricName",
                        metricPrefix + "-" + name));
        return rule;
    }

    /** The API takes the search string as a base64 blob. */
    private static Map<String, Object> byteMatch(Map<String, Object> field, String value, String position) {
        return Map.of(
                "FieldToMatch",
                field,
                "SearchString",
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
                "PositionalConstraint",
                position,
                "TextTransformations",
                List.of(Map.of("Priority", 0, "Type", "NONE")));
    }
}
