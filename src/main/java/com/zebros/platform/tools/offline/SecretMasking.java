package com.zebros.platform.tools.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks exactly what the engine holds as secret: the input positions that arrived wrapped as secret
 * ({@link SecretPaths}) and the stack outputs that are secret Outputs. Nothing is masked by name or by
 * value, so an input the program forgot to mark secret shows in the plan, and
 * {@code SecretsStaySecretTest} finds it.
 */
final class SecretMasking {
    static final String MASK = "[secret]";

    private SecretMasking() {}

    /** {@code inputs} with every position in {@code secretPaths} replaced by the mask. */
    static Map<String, Object> mask(Map<String, Object> inputs, Set<List<Object>> secretPaths) {
        if (secretPaths.isEmpty()) {
            return inputs;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        inputs.forEach((key, value) -> out.put(key, mask(value, List.of(key), secretPaths)));
        return out;
    }

    private static Object mask(Object value, List<Object> path, Set<List<Object>> secretPaths) {
        if (secretPaths.contains(path)) {
            return MASK;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, child) ->
                    out.put(String.valueOf(key), mask(child, SecretPaths.append(path, key), secretPaths)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(mask(list.get(i), SecretPaths.append(path, i), secretPaths));
            }
            return out;
        }
        return value;
    }
}
