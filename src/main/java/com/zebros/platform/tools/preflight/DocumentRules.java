package com.zebros.platform.tools.preflight;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents inside inputs: IAM policies (grammar and size), the state machine, the Contributor Insights
 * rule, the dashboard.
 */
final class DocumentRules {
    private DocumentRules() {}

    static List<DocumentedRule> all() {
        return List.of(
                policy(
                        "iam-trust-policy",
                        AwsTypes.IAM_ROLE,
                        "assumeRolePolicy",
                        PolicyGrammar.Kind.TRUST,
                        2_048,
                        "a role trust policy"),
                policy(
                        "s3-bucket-policy",
                        AwsTypes.S3_BUCKET_POLICY,
                        "policy",
                        PolicyGrammar.Kind.RESOURCE,
                        20_480,
                        "a bucket policy (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html)"),
                policy(
                        "kms-key-policy",
                        AwsTypes.KMS_KEY,
                        "policy",
                        PolicyGrammar.Kind.RESOURCE,
                        32_768,
                        "a key policy (https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html)"),
                RuleSupport.perPlan("iam-inline-policies", PolicyGrammar.GRAMMAR, DocumentRules::inlinePolicies),
                RuleSupport.perResource(
                        "states-language", AwsTypes.SFN_STATE_MACHINE, StatesLanguage.SPEC, (r, report) -> {
                            if (r.inputs().get("definition") instanceof String definition) {
                                StatesLanguage.problems(definition)
                                        .forEach(p -> report.finding("definition", "(document)", p));
                            }
                        }),
                RuleSupport.perResource(
                        "contributor-insights-rule",
                        AwsTypes.CLOUDWATCH_CONTRIBUTOR_INSIGHT_RULE,
                        InsightRuleSyntax.SPEC,
                        (r, report) -> {
                            if (r.inputs().get("ruleDefinition") instanceof String definition) {
                                InsightRuleSyntax.problems(definition)
                                        .forEach(p -> report.finding("ruleDefinition", "(document)", p));
                            }
                        }),
                RuleSupport.perResource(
                        "cloudwatch-dashboard-body", AwsTypes.CLOUDWATCH_DASHBOARD, DashboardBody.SPEC, (r, report) -> {
                            if (r.inputs().get("dashboardBody") instanceof String body) {
                                DashboardBody.problems(body)
                                        .forEach(p -> report.finding("dashboardBody", "(document)", p));
                            }
                        }));
    }

    private static DocumentedRule policy(
            String id, String type, String input, PolicyGrammar.Kind kind, int maxSize, String what) {
        return RuleSupport.perResource(id, type, PolicyGrammar.GRAMMAR, (r, report) -> {
            if (r.inputs().get(input) instanceof String json && !"[secret]".equals(json)) {
                PolicyGrammar.problems(json, kind).forEach(p -> report.finding(input, "(policy)", p));
                int size = PolicyGrammar.size(json);
                if (size > maxSize) {
                    report.finding(
                            input, size + " characters", "must be at most " + maxSize + " characters for " + what);
                }
            }
        });
    }

    /** A role's inline policies share one quota of 10,240 characters (IAM quotas page). */
    private static void inlinePolicies(Plan plan, List<Finding> findings) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, PlannedResource> last = new LinkedHashMap<>();
        for (PlannedResource r : plan.ofType(AwsTypes.IAM_ROLE_POLICY)) {
            if (r.inputs().get("policy") instanceof String json) {
                PolicyGrammar.problems(json, PolicyGrammar.Kind.IDENTITY)
                        .forEach(
                                p -> new RuleSupport.Reporter(r, "iam-inline-policies", PolicyGrammar.GRAMMAR, findings)
                                        .finding("policy", "(policy)", p));
                String role = String.valueOf(r.inputs().get("role"));
                sizes.merge(role, PolicyGrammar.size(json), Integer::sum);
                last.put(role, r);
            }
        }
        sizes.forEach((role, size) -> {
            if (size > 10_240) {
                new RuleSupport.Reporter(last.get(role), "iam-inline-policies", PolicyGrammar.QUOTAS, findings)
                        .finding(
                                "policy",
                                size + " characters",
                                "the inline policies of role " + role + " must total at most 10,240 characters");
            }
        });
    }
}
