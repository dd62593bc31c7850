package com.zebros.platform.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a stack would deploy: its resources in registration order and its outputs. */
public record Plan(String project, String stack, int phase, String role, String region,
                   List<PlannedResource> resources, Map<String, Object> outputs, List<String> warnings) {

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<PlannedResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    /** Resources AWS bills or manages: everything but components and providers. */
    public long cloudResourceCount() {
        return resources.stream().filter(r -> !r.isComponent() && !r.isProvider()).count();
    }
}
