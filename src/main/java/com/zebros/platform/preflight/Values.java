package com.zebros.platform.preflight;

import java.util.List;
import java.util.Map;

/** Reading plan inputs: shortened values for findings, nested lookups without a cast at every step. */
final class Values {
    private Values() {
    }

    static String shorten(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
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

    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? null : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
