package com.zebros.platform.tools.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changes between two plans of a stack: resources added, removed and changed, by URN. */
public record PlanDiff(List<PlannedResource> added, List<PlannedResource> removed, List<Change> changed) {

    /** A resource in both plans whose inputs differ; each input path with its old and new value. */
    public record Change(PlannedResource before, PlannedResource after, Map<String, String[]> inputs) {}

    public static PlanDiff between(Plan before, Plan after) {
        Map<String, PlannedResource> old = index(before);
        Map<String, PlannedResource> now = index(after);
        List<PlannedResource> added = new ArrayList<>();
        List<PlannedResource> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        now.forEach((urn, r) -> {
            if (!old.containsKey(urn)) {
                added.add(r);
            }
        });
        old.forEach((urn, r) -> {
            if (!now.containsKey(urn)) {
                removed.add(r);
            } else {
                Map<String, String[]> differences =
                        differences(r.inputs(), now.get(urn).inputs());
                if (!differences.isEmpty()) {
                    changed.add(new Change(r, now.get(urn), differences));
                }
            }
        });
        return new PlanDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<String, PlannedResource> index(Plan plan) {
        Map<String, PlannedResource> byUrn = new LinkedHashMap<>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        return byUrn;
    }

    /**
     * Every input path whose value differs, with its old and new value rendered: nested objects and lists of objects
     * by their paths ({@code globalSecondaryIndexes[2].readCapacity}), JSON held in a string (policies, container
     * definitions) from inside.
     */
    public static Map<String, String[]> changedInputs(Map<String, Object> before, Map<String, Object> after) {
        return differences(before, after);
    }

    private static Map<String, String[]> differences(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> flatBefore = new LinkedHashMap<>();
        Map<String, Object> flatAfter = new LinkedHashMap<>();
        flatten("", before, flatBefore);
        flatten("", after, flatAfter);
        Map<String, String[]> out = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(flatBefore.keySet());
        keys.addAll(flatAfter.keySet());
        for (String key : keys) {
            Object was = flatBefore.get(key);
            Object is = flatAfter.get(key);
            if (!Objects.equals(was, is)) {
                out.put(key, new String[] {render(was), render(is)});
            }
        }
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
            // Policies, container definitions and state machines are JSON in a string: compare inside.
            try {
                value = new com.google.gson.Gson().fromJson(text, Object.class);
            } catch (RuntimeException notJson) {
                // compared as text
            }
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
