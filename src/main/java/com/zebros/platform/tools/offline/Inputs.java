package com.zebros.platform.tools.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns what the engine hands the mocks into plain JSON-able values (maps, lists, strings, numbers). */
final class Inputs {
    private Inputs() {}

    @SuppressWarnings("unchecked")
    static <T> T normalize(Object value) {
        return (T) convert(value);
    }

    private static Object convert(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), convert(v)));
            return new LinkedHashMap<>(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(convert(v)));
            return out;
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(Inputs::convert).orElse(null);
        }
        if (value instanceof com.pulumi.asset.AssetOrArchive) {
            return "<archive>";
        }
        return String.valueOf(value);
    }
}
