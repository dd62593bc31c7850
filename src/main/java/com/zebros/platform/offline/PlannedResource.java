package com.zebros.platform.offline;

import java.util.Map;

/**
 * One resource of an offline plan, as the engine would register it.
 *
 * @param urn    its URN
 * @param type   the Pulumi type token, e.g. {@code aws:dynamodb/table:Table}
 * @param name   its logical name
 * @param parent the parent's URN, or null for the stack itself
 * @param inputs the inputs the engine received, secrets masked
 */
public record PlannedResource(String urn, String type, String name, String parent, Map<String, Object> inputs) {

    public boolean isComponent() {
        return type.startsWith("zebros:");
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }
}
