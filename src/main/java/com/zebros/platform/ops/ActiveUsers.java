package com.zebros.platform.ops;

import com.pulumi.aws.cloudwatch.ContributorInsightRule;
import com.pulumi.aws.cloudwatch.ContributorInsightRuleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.CanonicalJson;
import java.util.List;
import java.util.Map;

/**
 * Active users in every phase, without Redis: a Contributor Insights rule over the API's JSON access log,
 * whose contributors are the distinct (tenant, user) pairs of authorised requests. Its UniqueContributors
 * metric, read through INSIGHT_RULE_METRIC, feeds the dashboard and the "> 50 users" alarm.
 * Rule syntax: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-RuleSyntax.html
 * Metric math: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-GraphReportData.html
 */
final class ActiveUsers {
    /** What API Gateway writes for a context variable that has no value (an unauthorised route's user). */
    static final String NO_VALUE = "-";

    private final String ruleName;

    ActiveUsers(String name, String ruleName, String accessLogGroup, CustomResourceOptions options) {
        this.ruleName = ruleName;
        new ContributorInsightRule(
                name,
                ContributorInsightRuleArgs.builder()
                        .ruleName(ruleName)
                        .ruleState("ENABLED")
                        .ruleDefinition(definition(accessLogGroup))
                        .build(),
                options);
    }

    /** The rule over the access log: keys and filter name fields of RestApi's access log format. */
    static String definition(String accessLogGroup) {
        return CanonicalJson.write(Map.of(
                "Schema", Map.of("Name", "CloudWatchLogRule", "Version", 1),
                "LogGroupNames", List.of(accessLogGroup),
                "LogFormat", "JSON",
                "Contribution",
                        Map.of(
                                "Keys", List.of("$.tenant", "$.user"),
                                "Filters", List.of(Map.of("Match", "$.user", "NotIn", List.of(NO_VALUE, "")))),
                "AggregateOn", "Count"));
    }

    /** The metric math expression of the distinct users per period. */
    String uniqueUsers() {
        return "INSIGHT_RULE_METRIC('" + ruleName + "', 'UniqueContributors')";
    }
}
