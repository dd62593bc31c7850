package com.zebros.platform.offline;

import com.zebros.platform.config.StackSettings;
import com.zebros.platform.edge.OriginSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks secrets in a plan. The mock engine hands secret inputs over unwrapped, so two nets catch
 * them: the inputs that carry secrets by name, and every occurrence of a secret value the stack
 * knows (its config secrets and what is derived from them, such as the edge's origin header).
 */
final class SecretMasking {
    static final String MASK = "[secret]";

    private static final Set<String> SECRET_INPUTS = Set.of("masterPassword", "secretString", "authToken",
            "password", "secretBinary");

    private final List<String> secretValues = new ArrayList<>();

    SecretMasking(StackSettings settings) {
        for (String value : List.of(settings.dbMasterPassword().reveal(), settings.keycloakAdminPassword().reveal(),
                settings.redisAuthToken().reveal(), OriginSecret.derive(settings),
                java.util.Base64.getEncoder().encodeToString(OriginSecret.derive(settings).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))) {
            if (value != null && value.length() >= 8) {
                secretValues.add(value);
            }
        }
    }

    Map<String, Object> mask(Map<String, Object> inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        inputs.forEach((key, value) -> out.put(key,
                SECRET_INPUTS.contains(key) && value != null ? MASK : maskValues(value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    Object maskValues(Object value) {
        if (value instanceof String text) {
            for (String secret : secretValues) {
                text = text.replace(secret, MASK);
            }
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            return mask((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(maskValues(v)));
            return out;
        }
        return value;
    }
}
