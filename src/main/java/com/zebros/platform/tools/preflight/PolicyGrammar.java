package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.PlanInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's policy grammar and size limits, checked on every policy document a plan holds: role trust
 * policies, inline role policies, bucket and key policies. Grammar:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html; sizes:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html.
 */
final class PolicyGrammar {
    static final String GRAMMAR = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";
    static final String QUOTAS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern CONDITION =
            Pattern.compile("(ForAllValues:|ForAnyValue:)?(StringEquals|StringNotEquals"
                    + "|StringEqualsIgnoreCase|StringNotEqualsIgnoreCase|StringLike|StringNotLike|NumericEquals|NumericNotEquals"
                    + "|NumericLessThan|NumericLessThanEquals|NumericGreaterThan|NumericGreaterThanEquals|DateEquals|DateNotEquals"
                    + "|DateLessThan|DateLessThanEquals|DateGreaterThan|DateGreaterThanEquals|Bool|BinaryEquals|IpAddress"
                    + "|NotIpAddress|ArnEquals|ArnLike|ArnNotEquals|ArnNotLike)(IfExists)?|Null");

    /** What kind of policy a document is, which decides Principal and Resource. */
    enum Kind {
        /** Attached to a role, user or group: no Principal, a Resource. */
        IDENTITY,
        /** A role's trust policy: a Principal, no Resource. */
        TRUST,
        /** On a bucket, key, queue or topic: a Principal and a Resource. */
        RESOURCE
    }

    private PolicyGrammar() {}

    /** The grammar's problems of {@code json} as a policy of {@code kind}; empty when it is a valid policy. */
    static List<String> problems(String json, Kind kind) {
        List<String> problems = new ArrayList<>();
        Optional<Map<String, Object>> parsed = JsonDocument.object(json);
        if (parsed.isEmpty()) {
            return List.of("is not valid JSON");
        }
        Map<String, Object> policy = parsed.get();
        JsonDocument.unknownElements(policy, TOP, "", problems);
        if (!"2012-10-17".equals(policy.get("Version")) && !"2008-10-17".equals(policy.get("Version"))) {
            problems.add("needs Version 2012-10-17");
        }
        Object statements = policy.get("Statement");
        List<Object> list = statements instanceof List<?> l
                ? PlanInputs.list(l)
                : statements == null ? List.of() : List.of(statements);
        if (list.isEmpty()) {
            problems.add("has no Statement");
        }
        for (int i = 0; i < list.size(); i++) {
            statement(PlanInputs.map(list.get(i)), "Statement[" + i + "]", kind, problems);
        }
        return problems;
    }

    /** Characters a policy counts against IAM's quotas: whitespace is not counted. */
    static int size(String json) {
        return json.replaceAll("\\s", "").length();
    }

    private static void statement(Map<String, Object> s, String at, Kind kind, List<String> problems) {
        JsonDocument.unknownElements(s, STATEMENT, at, problems);
        if (!"Allow".equals(s.get("Effect")) && !"Deny".equals(s.get("Effect"))) {
            problems.add(at + " needs Effect Allow or Deny");
        }
        if (s.containsKey("Action") == s.containsKey("NotAction")) {
            problems.add(at + " needs exactly one of Action and NotAction");
        }
        for (Object action : strings(s.containsKey("Action") ? s.get("Action") : s.get("NotAction"))) {
            if (!ACTION.matcher(String.valueOf(action)).matches()) {
                problems.add(at + " has an action that is not service:Action: " + action);
            }
        }
        boolean principal = s.containsKey("Principal") || s.containsKey("NotPrincipal");
        boolean resource = s.containsKey("Resource") || s.containsKey("NotResource");
        if (kind == Kind.IDENTITY && principal) {
            problems.add(at + " has a Principal, which an identity policy may not");
        }
        if (kind != Kind.IDENTITY && !principal) {
            problems.add(at + " needs a Principal in a " + (kind == Kind.TRUST ? "trust" : "resource") + " policy");
        }
        if (kind != Kind.TRUST && !resource) {
            problems.add(at + " needs a Resource");
        }
        if (s.get("Sid") != null && !SID.matcher(String.valueOf(s.get("Sid"))).matches()) {
            problems.add(at + " has a Sid with characters other than letters and digits");
        }
        PlanInputs.map(s.get("Condition")).forEach((operator, block) -> {
            if (!CONDITION.matcher(operator).matches()) {
                problems.add(at + " has an unknown condition operator " + operator);
            }
            if (!(block instanceof Map<?, ?>)) {
                problems.add(at + " condition " + operator + " must map keys to values");
            }
        });
    }

    private static List<Object> strings(Object value) {
        return value instanceof List<?> l ? PlanInputs.list(l) : value == null ? List.of() : List.of(value);
    }
}
