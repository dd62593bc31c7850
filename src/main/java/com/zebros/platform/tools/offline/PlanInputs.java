package com.zebros.platform.tools.offline;

import java.util.List;
import java.util.Map;

/** Reading a planned resource's nested inputs without a cast at every step: for the plan's checks. */
public final class PlanInputs {
    private PlanInputs() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    /** Every string anywhere inside a value (maps, lists), in order. */
    public static List<String> strings(Object value) {
        List<String> out = new java.util.ArrayList<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, List<String> out) {
        if (value instanceof String text) {
            out.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        }
    }

    public static Object at(Map<String, Object> inputs, String... path) {
        Object value = inputs;
        for (String key : path) {
            value = map(value).get(key);
        }
        return value;
    }
}
