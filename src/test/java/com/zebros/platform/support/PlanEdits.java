package com.zebros.platform.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A plan with one resource changed on purpose: how a test plants a replacement, a move or a rename. */
public final class PlanEdits {
    private PlanEdits() {}

    /** {@code plan} with the resource of {@code type} named {@code name} replaced by {@code edit} of it. */
    public static Plan change(Plan plan, String type, String name, UnaryOperator<PlannedResource> edit) {
        List<PlannedResource> resources = new ArrayList<>();
        boolean found = false;
        for (PlannedResource r : plan.resources()) {
            if (r.type().equals(type) && r.name().equals(name)) {
                resources.add(edit.apply(r));
                found = true;
            } else {
                resources.add(r);
            }
        }
        assertTrue(found, type + " " + name);
        return withResources(plan, resources);
    }

    /** {@code plan} with {@code resources} in place of its own (its outputs and warnings kept). */
    public static Plan withResources(Plan plan, List<PlannedResource> resources) {
        return new Plan(
                plan.project(),
                plan.stack(),
                plan.phase(),
                plan.role(),
                plan.region(),
                resources,
                plan.outputs(),
                plan.warnings());
    }

    /** {@code inputs} with one input set. */
    public static Map<String, Object> with(Map<String, Object> inputs, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(inputs);
        changed.put(key, value);
        return changed;
    }

    /** The same resource under another logical name, without an alias: what a move or a rename plants. */
    public static PlannedResource renamed(PlannedResource r, String suffix) {
        return new PlannedResource(
                r.urn() + suffix,
                r.type(),
                r.name() + suffix,
                r.parent(),
                r.provider(),
                r.region(),
                r.inputs(),
                r.options());
    }
}
