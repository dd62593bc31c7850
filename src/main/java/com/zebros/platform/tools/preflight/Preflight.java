package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The preflight: every input of a plan checked against what AWS will accept, before anyone runs
 * {@code pulumi up}. The mock engine accepts any value; AWS refuses a name one character too long
 * halfway through a stack. Three sources: AWS's API models (lengths, patterns, ranges, enums,
 * required members, JSON document shapes), the rules AWS documents but its models do not state
 * ({@link DocumentedRules}), and the grammars of the JSON documents inside inputs (IAM policies,
 * the state machine, the dashboard).
 */
public final class Preflight {
    private Preflight() {}

    /** What the preflight found in a plan, and how much it looked at. */
    public record Report(List<Finding> findings, int inputsChecked, int documentedRules) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    public static Report evaluate(Plan plan) {
        List<Finding> findings = new ArrayList<>();
        int checked = ApiModelCheck.check(plan, findings);
        for (DocumentedRule rule : DocumentedRules.all()) {
            rule.check().accept(plan, findings);
        }
        return new Report(List.copyOf(findings), checked, DocumentedRules.all().size());
    }

    /** The botocore version whose models the constraints table was extracted from. */
    public static String modelVersion() {
        return ApiConstraints.get().botocoreVersion();
    }
}
