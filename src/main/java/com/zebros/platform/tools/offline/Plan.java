package com.zebros.platform.tools.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a stack would deploy: its resources in registration order and its outputs. */
public record Plan(
        String project,
        String stack,
        int phase,
        String role,
        String region,
        List<PlannedResource> resources,
        Map<String, Object> outputs,
        List<String> warnings,
        Map<String, java.util.Set<String>> identifiers) {

    /** A plan without the engine's identifiers (tests that build plans by hand). */
    public Plan(
            String project,
            String stack,
            int phase,
            String role,
            String region,
            List<PlannedResource> resources,
            Map<String, Object> outputs,
            List<String> warnings) {
        this(project, stack, phase, role, region, resources, outputs, warnings, Map.of());
    }

    /** The id, ARN, name and endpoint values the engine answered for the resource at {@code urn}. */
    public java.util.Set<String> identifiersOf(String urn) {
        return identifiers.getOrDefault(urn, java.util.Set.of());
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<PlannedResource> find(String type, String name) {
        return resources.stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst();
    }

    /** Resources AWS bills or manages: everything but components and providers. */
    public long cloudResourceCount() {
        return resources.stream()
                .filter(r -> !r.isComponent() && !r.isProvider())
                .count();
    }
}
