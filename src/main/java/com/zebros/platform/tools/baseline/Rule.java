package com.zebros.platform.tools.baseline;

import com.zebros.platform.tools.offline.Plan;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One rule of the security baseline: its id, why it exists, how to fix a breach, and the check that
 * reports each breaching resource of a plan.
 */
public record Rule(String id, String why, String fix, BiConsumer<Plan, Findings> check) {

    /** Collects the breaches of one rule. */
    public static final class Findings {
        private final Rule rule;
        private final List<Violation> violations;

        Findings(Rule rule, List<Violation> violations) {
            this.rule = rule;
            this.violations = violations;
        }

        public void breach(String resource, String problem) {
            violations.add(new Violation(rule.id(), resource, problem, rule.fix()));
        }
    }
}
