package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.tools.offline.PlanDiff;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's diff of one resource between two plans: the changed inputs it does not ignore, and which of them
 * replace the resource under the provider's rules or the resource's {@code replaceOnChanges}.
 *
 * @param changes      every changed input the engine acts on, rendered {@code path: old → new}
 * @param replacements the changes that force a replacement, each with the rule behind it
 * @param unknown      changed inputs the table has no row for
 */
public record ResourceDiff(List<String> changes, List<String> replacements, List<String> unknown) {

    public boolean same() {
        return changes.isEmpty();
    }

    public boolean replaces() {
        return !replacements.isEmpty();
    }

    static ResourceDiff between(PlannedResource before, PlannedResource after, ReplacementRules rules) {
        List<String> changes = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        java.util.Set<String> conditionsAsked = new java.util.HashSet<>();
        Map<String, String[]> changed = PlanDiff.changedInputs(before.inputs(), after.inputs());
        for (Map.Entry<String, String[]> entry : changed.entrySet()) {
            String path = entry.getKey();
            if (matches(after.options().ignoreChanges(), path)) {
                continue;
            }
            String words = path + ": " + entry.getValue()[0] + " → " + entry.getValue()[1];
            changes.add(words);
            if (matches(after.options().replaceOnChanges(), path)) {
                replacements.add(words + " (replaceOnChanges)");
                continue;
            }
            Optional<ReplacementRule> rule = rules.ruleFor(after.type(), path);
            if (rule.isEmpty()) {
                unknown.add(path);
            } else if (rule.get().always()) {
                replacements.add(words + " (ForceNew: " + rule.get().citation() + ")");
            } else if (rule.get().conditional()
                    && conditionsAsked.add(rule.get().condition())
                    && ConditionalRules.forces(rule.get().condition(), before.inputs(), after.inputs())) {
                replacements.add(words + " (CustomizeDiff " + rule.get().condition() + ": "
                        + rule.get().citation() + ")");
            }
        }
        if (!java.util.Objects.equals(before.provider(), after.provider())) {
            replacements.add("provider: " + before.provider() + " → " + after.provider()
                    + " (a resource cannot move between providers in place)");
        }
        return new ResourceDiff(changes, replacements, unknown);
    }

    /**
     * Whether a Pulumi property path ({@code globalSecondaryIndexes[*].readCapacity}, {@code desiredCount}) names the
     * changed input or one of its parents (https://www.pulumi.com/docs/iac/concepts/options/ignorechanges/).
     */
    static boolean matches(List<String> propertyPaths, String changedPath) {
        String normalized = changedPath.replaceAll("\\[\\d+]", "[*]");
        for (String path : propertyPaths) {
            if (normalized.equals(path) || normalized.startsWith(path + ".") || normalized.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }
}
