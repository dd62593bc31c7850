package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pulumi up} from one plan of a stack to another, simulated: the steps in the order Pulumi's engine runs them,
 * and every problem AWS or the engine would stop it with or that would lose data.
 *
 * <p>The order is the engine's (pulumi/pulumi pkg/resource/deploy/step_generator.go, and
 * https://www.pulumi.com/docs/iac/concepts/how-pulumi-works/#creation-and-deletion-order): resources are visited in
 * the order the program registers them; a resource is matched to the deployed one by URN or by one of its aliases;
 * creates, updates and the new half of a replacement run as they are visited; deletes, and the old half of a
 * replacement, run after every registration, unless the resource sets deleteBeforeReplace, in which case the old one
 * is deleted first. Each create and delete is then held against the names AWS keeps unique ({@link NameScopes}).
 */
public record Transition(List<Step> steps, List<Problem> problems) {

    /** Counts by step kind, for a report. */
    public Map<Step.Kind, Integer> counts() {
        Map<Step.Kind, Integer> counts = new LinkedHashMap<>();
        for (Step.Kind kind : Step.Kind.values()) {
            counts.put(kind, 0);
        }
        steps.forEach(step -> counts.merge(step.kind(), 1, Integer::sum));
        return counts;
    }

    public List<Step> ofKind(Step.Kind kind) {
        return steps.stream().filter(step -> step.kind() == kind).toList();
    }

    public List<Problem> problemsOf(Problem.Kind kind) {
        return problems.stream().filter(problem -> problem.kind() == kind).toList();
    }

    /** Whether {@code pulumi up} would complete without losing data. */
    public boolean deploys() {
        return problems.stream().allMatch(problem -> problem.kind() == Problem.Kind.UNKNOWN_INPUT);
    }

    public static Transition simulate(Plan before, Plan after) {
        return simulate(before, after, ReplacementRules.load(), NameScopes.load());
    }

    public static Transition simulate(Plan before, Plan after, ReplacementRules rules, NameScopes names) {
        Map<String, PlannedResource> deployed = new LinkedHashMap<>();
        before.resources().forEach(r -> deployed.put(r.urn(), r));
        Set<String> matched = new HashSet<>();
        List<Step> now = new ArrayList<>();
        List<Step> atEnd = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> replacedProviders = new HashSet<>();
        for (PlannedResource resource : after.resources()) {
            PlannedResource old = match(resource, deployed, matched);
            if (old == null) {
                now.add(new Step(Step.Kind.CREATE, null, resource, List.of()));
                continue;
            }
            matched.add(old.urn());
            if (resource.isComponent()) {
                now.add(new Step(Step.Kind.SAME, old, resource, List.of()));
                continue;
            }
            ResourceDiff diff = ResourceDiff.between(old, resource, rules);
            diff.unknown()
                    .forEach(path -> problems.add(new Problem(
                            Problem.Kind.UNKNOWN_INPUT,
                            resource.urn(),
                            "input " + path + " changes and the replacement table has no row for it",
                            "add the type's rows with tools/replacement-rules/generate.py")));
            List<String> replacing = new ArrayList<>(diff.replacements());
            if (resource.provider() != null && replacedProviders.contains(resource.provider())) {
                replacing.add("its provider " + resource.provider() + " is replaced");
            }
            if (!replacing.isEmpty()) {
                if (resource.isProvider()) {
                    replacedProviders.add(resource.urn());
                }
                Step delete = new Step(Step.Kind.DELETE_REPLACED, old, resource, replacing);
                Step create = new Step(Step.Kind.CREATE_REPLACEMENT, old, resource, replacing);
                if (resource.options().deleteBeforeReplace()) {
                    now.add(delete);
                    now.add(create);
                } else {
                    now.add(create);
                    atEnd.add(delete);
                }
            } else {
                now.add(new Step(
                        diff.same() && old.urn().equals(resource.urn()) ? Step.Kind.SAME : Step.Kind.UPDATE,
                        old,
                        resource,
                        diff.changes()));
                RefusedUpdates.refusal(old, resource)
                        .ifPresent(why -> problems.add(new Problem(
                                Problem.Kind.UPDATE_REFUSED,
                                resource.urn(),
                                why,
                                "plan the change AWS allows, or none")));
            }
        }
        List<PlannedResource> reversed = new ArrayList<>(before.resources());
        java.util.Collections.reverse(reversed);
        for (PlannedResource old : reversed) {
            if (!matched.contains(old.urn())) {
                atEnd.add(new Step(Step.Kind.DELETE, old, null, List.of()));
            }
        }
        List<Step> steps = new ArrayList<>(now);
        steps.addAll(atEnd);
        problems.addAll(new NameLedger(names, before.resources()).walk(steps));
        problems.addAll(lossesAndProtection(steps));
        return new Transition(steps, problems);
    }

    /** The deployed resource a planned one is: same URN, or a URN among its aliases. */
    private static PlannedResource match(
            PlannedResource resource, Map<String, PlannedResource> deployed, Set<String> matched) {
        PlannedResource same = deployed.get(resource.urn());
        if (same != null) {
            return same;
        }
        for (String alias : resource.options().aliases()) {
            PlannedResource aliased = deployed.get(alias);
            if (aliased != null && !matched.contains(alias)) {
                return aliased;
            }
        }
        return null;
    }

    private static List<Problem> lossesAndProtection(List<Step> steps) {
        List<Problem> problems = new ArrayList<>();
        for (Step step : steps) {
            if (step.kind() != Step.Kind.DELETE && step.kind() != Step.Kind.DELETE_REPLACED) {
                continue;
            }
            PlannedResource old = step.before();
            String what = step.kind() == Step.Kind.DELETE
                    ? "deleted"
                    : "replaced (" + String.join("; ", step.reasons()) + ")";
            if (old.options().protect()) {
                problems.add(new Problem(
                        Problem.Kind.PROTECTED,
                        old.urn(),
                        "would be " + what + ", which the engine refuses for a protected resource",
                        "keep the resource and every input that forces its replacement"));
            }
            if (StatefulTypes.holdsData(old.type())) {
                problems.add(new Problem(
                        Problem.Kind.DATA_LOSS,
                        old.urn(),
                        "holds data and would be " + what,
                        "change it in place, or alias it where it moves"));
            }
        }
        return problems;
    }

    /** Holders of each AWS name as the steps run: who holds what, and what a step does to it. */
    private static final class NameLedger {
        private final NameScopes names;
        private final Map<String, Set<String>> holders = new HashMap<>();

        NameLedger(NameScopes names, List<PlannedResource> deployed) {
            this.names = names;
            for (PlannedResource resource : deployed) {
                names.heldBy(resource)
                        .ifPresent(held -> holders.computeIfAbsent(held.key(), k -> new HashSet<>())
                                .add(deployedHolder(resource.urn())));
            }
        }

        List<Problem> walk(List<Step> steps) {
            List<Problem> problems = new ArrayList<>();
            for (Step step : steps) {
                switch (step.kind()) {
                    case CREATE, CREATE_REPLACEMENT -> acquire(step, problems);
                    case UPDATE -> rename(step, problems);
                    case DELETE, DELETE_REPLACED -> release(step, problems);
                    case SAME -> {}
                    default -> throw new IllegalStateException(step.kind().toString());
                }
            }
            return problems;
        }

        private void acquire(Step step, List<Problem> problems) {
            names.heldBy(step.after()).ifPresent(held -> {
                Set<String> current = holders.computeIfAbsent(held.key(), k -> new HashSet<>());
                if (!current.isEmpty() && held.onTaken() == NameScopes.OnTaken.REFUSES) {
                    problems.add(new Problem(
                            Problem.Kind.NAME_COLLISION,
                            step.urn(),
                            (step.kind() == Step.Kind.CREATE_REPLACEMENT ? "the replacement" : "the create") + " of "
                                    + held.key()
                                    + " fails: " + String.join(", ", current) + " still holds the name (unique in "
                                    + held.scope().words() + ": " + held.scope().source() + ")",
                            step.kind() == Step.Kind.CREATE_REPLACEMENT
                                    ? "derive the name from the inputs that force the replacement, or set "
                                            + "deleteBeforeReplace where the gap is acceptable"
                                    : "alias the resource to the one it replaces, so the engine updates it in place"));
                }
                current.add(plannedHolder(step.urn()));
            });
        }

        private void rename(Step step, List<Problem> problems) {
            var was = names.heldBy(step.before());
            var is = names.heldBy(step.after());
            if (was.map(NameScopes.HeldName::key).equals(is.map(NameScopes.HeldName::key))) {
                was.ifPresent(held -> swap(held.key(), deployedHolder(step.formerUrn()), plannedHolder(step.urn())));
                return;
            }
            was.ifPresent(
                    held -> holders.getOrDefault(held.key(), new HashSet<>()).remove(deployedHolder(step.formerUrn())));
            acquire(step, problems);
        }

        private void swap(String key, String from, String to) {
            Set<String> current = holders.computeIfAbsent(key, k -> new HashSet<>());
            current.remove(from);
            current.add(to);
        }

        private void release(Step step, List<Problem> problems) {
            if (step.before().options().retainOnDelete()) {
                // The engine forgets it; AWS keeps it, and its name stays taken.
                return;
            }
            names.heldBy(step.before()).ifPresent(held -> {
                Set<String> current = holders.computeIfAbsent(held.key(), k -> new HashSet<>());
                current.remove(deployedHolder(step.formerUrn()));
                if (!current.isEmpty() && held.onTaken() == NameScopes.OnTaken.OVERWRITES) {
                    problems.add(new Problem(
                            Problem.Kind.DELETE_REMOVES_NEW,
                            step.formerUrn(),
                            "deleting "
                                    + held.key() + " removes the object " + String.join(", ", current)
                                    + " also holds: AWS "
                                    + "let both write the same name ("
                                    + held.scope().source() + ")",
                            "give the two resources different names, alias the new one to the old, or let one "
                                    + "resource own the name in every phase"));
                }
            });
        }

        private static String deployedHolder(String urn) {
            return "deployed " + urn;
        }

        private static String plannedHolder(String urn) {
            return "planned " + urn;
        }
    }
}
