package com.zebros.platform.iam;

import com.pulumi.core.Output;
import com.zebros.platform.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy built from grants ({@code tables.grantReadWrite(policy, ...)}), so each permission
 * is written once beside the resource it opens, and resources are always named, never {@code *}
 * unless AWS offers nothing narrower (then the statement says why).
 */
public final class PolicyDocument {
    private record Statement(
            String sid,
            List<String> actions,
            List<Output<String>> resources,
            Output<Map<String, Map<String, Object>>> condition) {}

    private final List<Statement> statements = new ArrayList<>();

    public PolicyDocument allow(String sid, List<String> actions, List<Output<String>> resources) {
        return allow(sid, actions, resources, Map.of());
    }

    public PolicyDocument allow(
            String sid,
            List<String> actions,
            List<Output<String>> resources,
            Map<String, Map<String, Object>> condition) {
        return allowWhen(sid, actions, resources, Output.of(condition));
    }

    /** A statement whose condition names resources that are not created yet (e.g. a cluster ARN). */
    public PolicyDocument allowWhen(
            String sid,
            List<String> actions,
            List<Output<String>> resources,
            Output<Map<String, Map<String, Object>>> condition) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " names no resource");
        }
        statements.add(new Statement(sid, List.copyOf(actions), List.copyOf(resources), condition));
        return this;
    }

    /** For the few actions IAM cannot scope to a resource; {@code why} is kept in the Sid's neighbour. */
    public PolicyDocument allowOnAnyResource(String sid, List<String> actions) {
        return allow(sid, actions, List.of(Output.of("*")));
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public Output<String> toJson() {
        List<Output<Map<String, Object>>> rendered = new ArrayList<>();
        for (Statement s : statements) {
            rendered.add(Output.tuple(Output.all(s.resources()), s.condition()).applyValue(t -> {
                List<String> arns = t.t1;
                Map<String, Map<String, Object>> condition = t.t2;
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("Sid", s.sid());
                json.put("Effect", "Allow");
                json.put("Action", s.actions().size() == 1 ? s.actions().get(0) : s.actions());
                json.put("Resource", arns.size() == 1 ? arns.get(0) : arns);
                if (!condition.isEmpty()) {
                    json.put("Condition", condition);
                }
                return json;
            }));
        }
        return Output.all(rendered).applyValue(list -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("Version", "2012-10-17");
            doc.put("Statement", list);
            return CanonicalJson.write(doc);
        });
    }

    /** The trust policy of a role that only {@code service} may assume. */
    public static String assumableBy(String service) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", service));
        statement.put("Action", "sts:AssumeRole");
        return CanonicalJson.write(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }
}
