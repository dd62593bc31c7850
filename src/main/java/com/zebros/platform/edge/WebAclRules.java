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
 * requests without the edge's secret header, health checks excepted (Route 53 cannot send headers).
 */
public final class WebAclRules {
    static final List<String> MANAGED_GROUPS = List.of("AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList");
    /** Paths Route 53 probes on the regional names (the API's health, Keycloak's discovery document). */
    static final List<String> HEALTH_PATHS = List.of("/v1/health", "/.well-known/openid-configuration");

    private final List<Map<String, Object>> rules = new ArrayList<>();
    private final String metricPrefix;

    public WebAclRules(String metricPrefix) {
        this.metricPrefix = metricPrefix;
    }

    public WebAclRules requireOriginHeader(String secret) {
        List<Object> exemptions = new ArrayList<>();
        for (String path : HEALTH_PATHS) {
            exemptions.add(Map.of("ByteMatchStatement", byteMatch(Map.of("UriPath", Map.of()), path, "ENDS_WITH")));
        }
        Map<String, Object> missingHeader = Map.of("NotStatement", Map.of("Statement", Map.of("ByteMatchStatement",
                byteMatch(Map.of("SingleHeader", Map.of("Name", OriginSecret.HEADER)), secret, "EXACTLY"))));
        Map<String, Object> notHealth = Map.of("NotStatement", Map.of("Statement", Map.of("OrStatement",
                Map.of("Statements", exemptions))));
        rules.add(rule("require-edge", 0, Map.of("AndStatement", Map.of("Statements", List.of(missingHeader, notHealth))),
                "Action", Map.of("Block", Map.of())));
        return this;
    }

    public WebAclRules managedGroups() {
        int priority = 10;
        for (String group : MANAGED_GROUPS) {
            rules.add(rule(group, priority, Map.of("ManagedRuleGroupStatement",
                    Map.of("VendorName", "AWS", "Name", group)), "OverrideAction", Map.of("None", Map.of())));
            priority += 10;
        }
        return this;
    }

    public WebAclRules rateLimitPerIp(int requestsPer5Minutes) {
        rules.add(rule("rate-per-ip", 100, Map.of("RateBasedStatement",
                Map.of("Limit", requestsPer5Minutes, "AggregateKeyType", "IP")), "Action", Map.of("Block", Map.of())));
        return this;
    }

    public String toJson() {
        return CanonicalJson.write(rules);
    }

    private Map<String, Object> rule(String name, int priority, Map<String, Object> statement, String actionKey,
                                     Map<String, Object> action) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("Name", name);
        rule.put("Priority", priority);
        rule.put("Statement", statement);
        rule.put(actionKey, action);
        rule.put("VisibilityConfig", Map.of("SampledRequestsEnabled", true, "CloudWatchMetricsEnabled", true,
                "MetricName", metricPrefix + "-" + name));
        return rule;
    }

    /** The API takes the search string as a base64 blob. */
    private static Map<String, Object> byteMatch(Map<String, Object> field, String value, String position) {
        return Map.of("FieldToMatch", field,
                "SearchString", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
                "PositionalConstraint", position,
                "TextTransformations", List.of(Map.of("Priority", 0, "Type", "NONE")));
    }
}
