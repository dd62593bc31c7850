package com.zebros.platform.tools.baseline;

import com.zebros.platform.tools.offline.Plan;
import java.util.ArrayList;
import java.util.List;

/** The security baseline, evaluated over every resource a plan registers. */
public final class Baseline {
    private Baseline() {}

    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(StorageRules.all());
        rules.addAll(NetworkEdgeRules.all());
        rules.addAll(IdentityRules.all());
        return rules;
    }

    public static List<Violation> evaluate(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : rules()) {
            rule.check().accept(plan, new Rule.Findings(rule, violations));
        }
        return violations;
    }
}
