package com.zebros.platform.preflight;

import com.zebros.platform.offline.PlanInputs;
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

    static Map<String, Object> map(Object value) {
        return PlanInputs.map(value);
    }

    static List<Object> list(Object value) {
        return PlanInputs.list(value);
    }

    static Object at(Map<String, Object> inputs, String... path) {
        return PlanInputs.at(inputs, path);
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
