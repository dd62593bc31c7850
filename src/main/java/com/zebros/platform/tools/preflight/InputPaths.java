package com.zebros.platform.tools.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the values at a mapping's input path in a resource's planned inputs: {@code a.b} walks
 * objects, {@code a[]} every element of a list, {@code *} every value of a map. Each value comes back
 * with its concrete path ({@code rules[2].priority}) for the finding.
 */
final class InputPaths {
    /** A value found, where it was, and (under {@code *}) the map key it sits under. */
    record Found(String path, Object value, String key) {}

    private InputPaths() {}

    static List<Found> find(Map<String, Object> inputs, String path) {
        List<Found> found = new ArrayList<>();
        walk(inputs, List.of(path.split("\\.")), 0, "", null, found);
        return found;
    }

    private static void walk(Object value, List<String> segments, int index, String at, String key, List<Found> found) {
        if (value == null) {
            return;
        }
        if (index == segments.size()) {
            found.add(new Found(at, value, key));
            return;
        }
        String segment = segments.get(index);
        boolean list = segment.endsWith("[]");
        String name = list ? segment.substring(0, segment.length() - 2) : segment;
        if (!(value instanceof Map<?, ?> map)) {
            return;
        }
        if (name.equals("*")) {
            map.forEach((k, v) -> walk(v, segments, index + 1, at + "." + k, String.valueOf(k), found));
            return;
        }
        Object child = map.get(name);
        String here = at.isEmpty() ? name : at + "." + name;
        if (!list) {
            walk(child, segments, index + 1, here, key, found);
        } else if (child instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), segments, index + 1, here + "[" + i + "]", key, found);
            }
        } else if (child instanceof Map<?, ?>) {
            // Pulumi gives a one-element block as an object where the API takes a list.
            walk(child, segments, index + 1, here, key, found);
        }
    }
}
