package com.zebros.platform.config;

/** A secret config value. It never prints: logs, errors and plans show {@code [secret]}. */
public final class Secret {
    private final String value;
    private final boolean placeholder;

    private Secret(String value, boolean placeholder) {
        this.value = value;
        this.placeholder = placeholder;
    }

    public static Secret of(String value) {
        return new Secret(value, false);
    }

    /** What the offline plan uses where a real deployment needs a secret it cannot decrypt. */
    public static Secret placeholder() {
        return new Secret("offline-plan-placeholder-0", true);
    }

    public String reveal() {
        return value;
    }

    public boolean isPlaceholder() {
        return placeholder;
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
