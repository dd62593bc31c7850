package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlanInputs;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Small helpers the documented rules share: one resource type's inputs, a finding, a name rule. */
final class RuleSupport {
    private RuleSupport() {}

    /** A rule that looks at each resource of one type. */
    static DocumentedRule perResource(String id, String type, String source, ResourceCheck check) {
        return new DocumentedRule(id, source, (plan, findings) -> {
            for (PlannedResource r : plan.ofType(type)) {
                check.check(r, new Reporter(r, id, source, findings));
            }
        });
    }

    /** A rule that needs the whole plan (cross-resource). */
    static DocumentedRule perPlan(String id, String source, BiConsumer<Plan, List<Finding>> check) {
        return new DocumentedRule(id, source, check);
    }

    /** A name rule: the input must match {@code shape} and be at most {@code max} characters. */
    static DocumentedRule name(
            String id, String type, String input, int max, Pattern shape, String described, String source) {
        return perResource(id, type, source, (r, report) -> {
            Object value = PlanInputs.at(r.inputs(), input.split("\\."));
            if (value instanceof String name && !"[secret]".equals(name)) {
                if (name.length() > max) {
                    report.finding(input, name, "must be at most " + max + " characters (" + name.length() + " now)");
                }
                if (!shape.matcher(name).matches()) {
                    report.finding(input, name, "must be " + described);
                }
            }
        });
    }

    @FunctionalInterface
    interface ResourceCheck {
        void check(PlannedResource resource, Reporter report);
    }

    /** Adds findings for one resource under one rule. */
    record Reporter(PlannedResource resource, String rule, String source, List<Finding> findings) {
        void finding(String input, Object value, String problem) {
            findings.add(new Finding(
                    resource.type() + " " + resource.name(),
                    input,
                    Values.shorten(value),
                    problem + " (" + rule + ")",
                    source,
                    "change the value the component that makes " + resource.name() + " plans for " + input));
        }
    }
}
