package com.zebros.platform.offline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Masks secret inputs in a plan. The mock engine hands secrets over unwrapped, so the inputs that
 * carry secrets are named here; a plan never shows a password, even the offline placeholder.
 */
final class SecretMasking {
    static final String MASK = "[secret]";

    private static final Set<String> SECRET_INPUTS = Set.of("masterPassword", "secretString", "authToken",
            "password", "secretBinary");

    private SecretMasking() {
    }

    static Map<String, Object> mask(String type, Map<String, Object> inputs) {
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        for (String key : SECRET_INPUTS) {
            if (out.containsKey(key) && out.get(key) != null) {
                out.put(key, MASK);
            }
        }
        return out;
    }
}
