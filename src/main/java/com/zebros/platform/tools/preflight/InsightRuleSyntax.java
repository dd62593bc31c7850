package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.PlanInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Contributor Insights rule over CloudWatch Logs, as CloudWatch documents its syntax: the fixed schema, log
 * groups, JSON or CLF, up to four keys and four filters, each filter one operator of eight with its kind of
 * operand, and Count or Sum (ValueOf only with Sum).
 */
final class InsightRuleSyntax {
    static final String SPEC =
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-RuleSyntax.html";
    private static final Set<String> TOP =
            Set.of("Schema", "LogGroupNames", "LogGroupARNs", "LogFormat", "Fields", "Contribution", "AggregateOn");
    private static final Set<String> CONTRIBUTION = Set.of("Keys", "ValueOf", "Filters");
    private static final Set<String> LIST_OPERATORS = Set.of("In", "NotIn", "StartsWith");
    private static final Set<String> NUMBER_OPERATORS = Set.of("GreaterThan", "LessThan", "EqualTo", "NotEqualTo");
    /** JSON property format: $ then dot-separated names, each optionally indexed. */
    private static final Pattern JSON_PROPERTY = Pattern.compile("\\$(\\.[A-Za-z0-9_-]+(\\[[0-9]+])?)+");

    private InsightRuleSyntax() {}

    static List<String> problems(String definition) {
        Optional<Map<String, Object>> parsed = JsonDocument.object(definition);
        if (parsed.isEmpty()) {
            return List.of("is not valid JSON");
        }
        Map<String, Object> rule = parsed.get();
        List<String> problems = new ArrayList<>();
        JsonDocument.unknownElements(rule, TOP, "", problems);
        if (!Map.of("Name", "CloudWatchLogRule", "Version", 1.0).equals(rule.get("Schema"))) {
            problems.add("Schema must be {\"Name\": \"CloudWatchLogRule\", \"Version\": 1}");
        }
        if (rule.containsKey("LogGroupNames") == rule.containsKey("LogGroupARNs")) {
            problems.add("needs LogGroupNames or LogGroupARNs, not both");
        }
        Object format = rule.get("LogFormat");
        if (!"JSON".equals(format) && !"CLF".equals(format)) {
            problems.add("LogFormat must be JSON or CLF");
        }
        Object aggregate = rule.get("AggregateOn");
        if (!"Count".equals(aggregate) && !"Sum".equals(aggregate)) {
            problems.add("AggregateOn must be Count or Sum");
        }
        contribution(
                PlanInputs.map(rule.get("Contribution")), "JSON".equals(format), "Sum".equals(aggregate), problems);
        return problems;
    }

    private static void contribution(
            Map<String, Object> contribution, boolean json, boolean sum, List<String> problems) {
        JsonDocument.unknownElements(contribution, CONTRIBUTION, "Contribution.", problems);
        List<Object> keys = PlanInputs.list(contribution.get("Keys"));
        if (keys.isEmpty() || keys.size() > 4) {
            problems.add("Contribution.Keys must hold one to four fields");
        }
        keys.forEach(key -> field(key, json, "Contribution.Keys", problems));
        if (contribution.containsKey("ValueOf") != sum) {
            problems.add("Contribution.ValueOf is given exactly when AggregateOn is Sum");
        }
        List<Object> filters = PlanInputs.list(contribution.get("Filters"));
        if (filters.size() > 4) {
            problems.add("Contribution.Filters holds at most four filters");
        }
        for (int i = 0; i < filters.size(); i++) {
            filter(PlanInputs.map(filters.get(i)), json, "Contribution.Filters[" + i + "]", problems);
        }
    }

    private static void filter(Map<String, Object> filter, boolean json, String at, List<String> problems) {
        field(filter.get("Match"), json, at + ".Match", problems);
        List<String> operators =
                filter.keySet().stream().filter(k -> !k.equals("Match")).toList();
        if (operators.size() != 1) {
            problems.add(at + " needs exactly one operator besides Match, has " + operators);
            return;
        }
        String operator = operators.get(0);
        Object operand = filter.get(operator);
        if (LIST_OPERATORS.contains(operator)) {
            List<Object> values = PlanInputs.list(operand);
            if (values.isEmpty() || values.size() > 10 || !values.stream().allMatch(v -> v instanceof String)) {
                problems.add(at + "." + operator + " takes one to ten strings");
            }
        } else if (NUMBER_OPERATORS.contains(operator)) {
            if (!(operand instanceof Number)) {
                problems.add(at + "." + operator + " takes a number");
            }
        } else if (operator.equals("IsPresent")) {
            if (!(operand instanceof Boolean)) {
                problems.add(at + ".IsPresent takes true or false");
            }
        } else {
            problems.add(at + " has an unknown operator " + operator);
        }
    }

    private static void field(Object field, boolean json, String at, List<String> problems) {
        if (!(field instanceof String name)
                || (json && !JSON_PROPERTY.matcher(name).matches())) {
            problems.add(at + " must name a log field" + (json ? " in JSON property format ($.name)" : ""));
        }
    }
}
