package com.zebros.platform.config;

import java.util.Optional;

/**
 * Where the {@code zebros:} settings come from: the Pulumi engine during {@code pulumi up}, the
 * stack's YAML files in the offline plan and in tests. Values are strings; arrays arrive as JSON.
 */
@FunctionalInterface
public interface ConfigSource {
    /** The value of {@code zebros:<key>}, or empty when the stack and Pulumi.yaml set none. */
    Optional<String> get(String key);

    /**
     * Whether {@code zebros:<key>} is stored encrypted. The engine only hands secrets it decrypted,
     * so it answers true; the YAML reader knows when a secret was written in plain text.
     */
    default boolean isStoredEncrypted(String key) {
        return true;
    }
}
