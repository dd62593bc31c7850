package com.zebros.platform.baseline;

import java.util.List;
import java.util.Map;

/** Reading nested plan inputs without a cast at every step. */
final class Inputs {
    private Inputs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    static Object at(Map<String, Object> inputs, String... path) {
        Object value = inputs;
        for (String key : path) {
            value = map(value).get(key);
        }
        return value;
    }
}
