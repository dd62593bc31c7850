package com.zebros.platform.tools.offline;

import com.zebros.platform.config.Feature;
import com.zebros.platform.config.PhaseBands;
import com.zebros.platform.tools.offline.transition.NameScopes;
import com.zebros.platform.tools.offline.transition.Problem;
import com.zebros.platform.tools.offline.transition.StatefulTypes;
import com.zebros.platform.tools.offline.transition.Step;
import com.zebros.platform.tools.offline.transition.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A promotion in words: what is added, removed and changed, grouped by component, then steps and refusals. */
public final class PromotionPrinter {
    private PromotionPrinter() {}

    public static String render(Promotion p) {
        StringBuilder out = new StringBuilder();
        out.append("promote ")
                .append(p.from().stack())
                .append(": phase ")
                .append(p.from().phase())
                .append(" → ")
                .append(p.to().phase())
                .append(" (")
                .append(p.from().role().configValue())
                .append(", ")
                .append(p.from().region())
                .append(")\n");
        out.append("Seed band of phase ")
                .append(p.to().phase())
                .append(": ")
                .append(PhaseBands.entry(p.to().phase()).seedTier())
                .append('\n');
        features(out, p.from().phase(), p.to().phase());
        section(out, "Added", p.diff().added(), r -> "+ " + r.name() + "  " + r.type());
        section(out, "Removed", p.diff().removed(), r -> "- " + r.name() + "  " + r.type());
        List<PlannedResource> changed =
                p.diff().changed().stream().map(PlanDiff.Change::after).toList();
        Map<String, PlanDiff.Change> byUrn = new LinkedHashMap<>();
        p.diff().changed().forEach(c -> byUrn.put(c.after().urn(), c));
        section(out, "Changed", changed, r -> {
            StringBuilder line = new StringBuilder("~ " + r.name() + "  " + r.type());
            byUrn.get(r.urn())
                    .inputs()
                    .forEach((path, values) -> line.append("\n          ")
                            .append(path)
                            .append(": ")
                            .append(values[0])
                            .append(" → ")
                            .append(values[1]));
            return line.toString();
        });
        engineSteps(out, p.transition());
        long stateful = p.after().resources().stream()
                .filter(r -> StatefulTypes.holdsData(r.type()))
                .count();
        out.append("\nStateful resources: ")
                .append(
                        p.transition().problemsOf(Problem.Kind.DATA_LOSS).isEmpty()
                                ? stateful + " keep their identity (no replacement, no deletion)"
                                : "SOME WOULD BE LOST (see refusals)")
                .append('\n');
        out.append("Resources: ")
                .append(p.before().cloudResourceCount())
                .append(" → ")
                .append(p.after().cloudResourceCount())
                .append('\n');
        if (!p.steps().isEmpty()) {
            out.append("\nThis promotion needs more than one deployment:\n");
            p.steps().forEach(s -> out.append("  - ").append(s).append('\n'));
        }
        if (!p.warnings().isEmpty()) {
            out.append("\nWhat this costs while it runs:\n");
            p.warnings().forEach(w -> out.append("  - ").append(w).append('\n'));
        }
        if (p.refused()) {
            out.append("\nRefused:\n");
            p.refusals().forEach(r -> out.append("  - ").append(r).append('\n'));
        }
        return out.toString();
    }

    /**
     * How {@code pulumi up} carries the change out, in the engine's terms: counts of each kind of step, then each
     * replacement with the input and the provider's rule that force it, and its order.
     */
    private static void engineSteps(StringBuilder out, Transition transition) {
        var counts = transition.counts();
        out.append("\npulumi up, simulated: ")
                .append(counts.get(Step.Kind.UPDATE))
                .append(" updated in place, ")
                .append(counts.get(Step.Kind.CREATE_REPLACEMENT))
                .append(" replaced, ")
                .append(counts.get(Step.Kind.CREATE))
                .append(" created, ")
                .append(counts.get(Step.Kind.DELETE))
                .append(" deleted, ")
                .append(counts.get(Step.Kind.SAME))
                .append(" unchanged\n");
        List<Step> replaced = transition.ofKind(Step.Kind.CREATE_REPLACEMENT);
        if (replaced.isEmpty()) {
            return;
        }
        out.append("Replaced (").append(replaced.size()).append("):\n");
        for (Step step : replaced) {
            boolean revision = NameScopes.load()
                    .scopeOf(step.resource().type())
                    .map(scope -> scope.onTaken().equals("revision"))
                    .orElse(false);
            out.append("  ↻ ")
                    .append(step.resource().name())
                    .append("  ")
                    .append(step.resource().type())
                    .append(
                            revision
                                    ? "  (a new revision; the old one deregistered at the end)"
                                    : step.after().options().deleteBeforeReplace()
                                            ? "  (deleted first: deleteBeforeReplace)"
                                            : "  (created first, the old one deleted at the end)")
                    .append('\n');
            step.reasons()
                    .forEach(reason -> out.append("        ").append(reason).append('\n'));
        }
    }

    /** What the step switches on (or, stepping down, off), in the words of the phase table's features. */
    private static void features(StringBuilder out, int from, int to) {
        boolean up = to > from;
        List<Feature> changing = Arrays.stream(Feature.values())
                .filter(f -> up ? f.arrivesBetween(from, to) : f.arrivesBetween(to, from))
                .toList();
        if (changing.isEmpty()) {
            return;
        }
        out.append(up ? "Switches on:\n" : "Switches off:\n");
        changing.forEach(
                f -> out.append(up ? "  + " : "  - ").append(f.meaning()).append('\n'));
    }

    private static void section(
            StringBuilder out, String title, List<PlannedResource> resources, Function<PlannedResource, String> line) {
        out.append('\n').append(title).append(" (").append(resources.size()).append("):\n");
        Map<String, List<PlannedResource>> byComponent = new LinkedHashMap<>();
        for (PlannedResource r : resources) {
            byComponent
                    .computeIfAbsent(component(r.parent()), k -> new ArrayList<>())
                    .add(r);
        }
        byComponent.forEach((component, list) -> {
            list.sort(java.util.Comparator.comparing(PlannedResource::name).thenComparing(PlannedResource::type));
            out.append("  ").append(component).append('\n');
            list.forEach(r -> out.append("      ").append(line.apply(r)).append('\n'));
        });
    }

    private static String component(String parentUrn) {
        return parentUrn.endsWith("pulumi:pulumi:Stack::" + parentUrn.substring(parentUrn.lastIndexOf("::") + 2))
                        && parentUrn.contains("pulumi:pulumi:Stack::")
                ? "(stack)"
                : parentUrn.substring(parentUrn.lastIndexOf("::") + 2);
    }
}
