package com.zebros.platform.tools.offline;

import java.util.Map;

/**
 * One resource of an offline plan, as the engine would register it.
 *
 * @param urn      its URN, exactly as the engine makes it ({@link EngineUrns})
 * @param type     the Pulumi type token, e.g. {@code aws:dynamodb/table:Table}
 * @param name     its logical name
 * @param parent   the parent's URN (the root stack's for top-level resources)
 * @param provider the URN of the provider that creates it; null for components, which have none
 * @param region   the AWS region it lives in (its provider's); null where no region applies
 * @param inputs   the inputs the engine received, every secret one masked
 * @param options  the resource options it was registered with
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        String parent,
        String provider,
        String region,
        Map<String, Object> inputs,
        PlannedOptions options) {

    /** A resource registered with no options. */
    public PlannedResource(
            String urn,
            String type,
            String name,
            String parent,
            String provider,
            String region,
            Map<String, Object> inputs) {
        this(urn, type, name, parent, provider, region, inputs, PlannedOptions.NONE);
    }

    public boolean isComponent() {
        return type.startsWith("zebros:");
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** The same resource with other inputs: what a test uses to break a rule on purpose. */
    public PlannedResource withInputs(Map<String, Object> changed) {
        return new PlannedResource(urn, type, name, parent, provider, region, changed, options);
    }

    /** The same resource with other options: what a test uses to plant a move or a replacement order. */
    public PlannedResource withOptions(PlannedOptions changed) {
        return new PlannedResource(urn, type, name, parent, provider, region, inputs, changed);
    }
}
