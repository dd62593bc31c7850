package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Map;

/**
 * Every mapped input of every resource of a plan against the constraint AWS's API model puts on the
 * member it becomes (mappings.json, api-constraints.json). A type without a mapping is a finding of
 * its own: nothing would check it.
 */
final class ApiModelCheck {
    private static final String MASK = "[secret]";

    private ApiModelCheck() {}

    /** Adds the findings to {@code findings}; returns how many input values it checked. */
    static int check(Plan plan, List<Finding> findings) {
        ApiConstraints table = ApiConstraints.get();
        int checked = 0;
        for (PlannedResource r : plan.resources()) {
            if (!r.type().startsWith("aws:")) {
                continue;
            }
            if (!table.isMapped(r.type())) {
                findings.add(new Finding(
                        r.type() + " " + r.name(),
                        "(all)",
                        "-",
                        "has no preflight mapping",
                        "src/main/resources/preflight/mappings.json",
                        "map its inputs to the AWS API call that creates "
                                + "it and re-run tools/preflight/generate-constraints.py"));
                continue;
            }
            for (Map.Entry<String, Constraint> input :
                    table.forType(r.type()).orElse(Map.of()).entrySet()) {
                checked += checkInput(r, input.getKey(), input.getValue(), findings);
            }
        }
        return checked;
    }

    private static int checkInput(PlannedResource r, String path, Constraint c, List<Finding> findings) {
        if (c.newerThanModel()) {
            return 0;
        }
        var values = InputPaths.find(r.inputs(), path);
        if (values.isEmpty() && c.required() && parentPresent(r.inputs(), path)) {
            findings.add(finding(r, path, "(not set)", "is required by the API", c));
        }
        if (values.isEmpty() && "autoname".equals(c.providerFills())) {
            // Pulumi names it <logical name>-<7 random characters>: that name must fit too.
            String autoname = r.name() + "-abcdef1";
            for (String problem : ValueCheck.problems(c, autoname)) {
                findings.add(finding(r, path, "autoname \"" + r.name() + "-xxxxxxx\"", problem, c));
            }
        }
        int checked = 0;
        for (InputPaths.Found found : values) {
            if (MASK.equals(found.value())) {
                continue;
            }
            checked++;
            List<String> problems = c.document() != null && found.value() instanceof String json
                    ? ShapeDocument.problems(json, c.document())
                    : ValueCheck.problems(c, c.toApi(found.value()));
            if (c.key() != null && found.key() != null) {
                problems = new java.util.ArrayList<>(problems);
                for (String p : ValueCheck.problems(c.key(), found.key())) {
                    problems.add("its key " + p);
                }
            }
            for (String problem : problems) {
                findings.add(finding(r, found.path(), Values.shorten(found.value()), problem, c));
            }
        }
        return checked;
    }

    private static boolean parentPresent(Map<String, Object> inputs, String path) {
        if (path.contains("[]") || path.contains("*")) {
            return false;
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 || !InputPaths.find(inputs, path.substring(0, dot)).isEmpty();
    }

    private static Finding finding(PlannedResource r, String input, String value, String problem, Constraint c) {
        return new Finding(
                r.type() + " " + r.name(),
                input,
                value,
                problem,
                "AWS API model: " + c.api(),
                "change the value the component that makes " + r.name() + " plans for " + input);
    }
}
