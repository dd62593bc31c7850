package com.zebros.platform.tools.offline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The attributes AWS would return for each resource type the program creates: what a real deployment's outputs
 * look like, so the offline plan's outputs and cross-resource wiring read true. One entry per type, each adding
 * the type's attributes and returning the id AWS would give it (MockAttributeTable); a type without an entry gets
 * an ARN from its module and name.
 */
final class MockAttributes {
    private static final Map<String, Function<MockResource, String>> TABLE = new HashMap<>();

    static {
        MockAttributeTable.register(TABLE);
    }

    private MockAttributes() {}

    /** Adds the type's attributes to {@code state} and returns the resource's id. */
    static String fill(String type, String name, String region, Map<String, Object> state) {
        MockResource resource = new MockResource(type, name, region, state);
        Function<MockResource, String> entry = TABLE.get(type);
        if (entry != null) {
            return entry.apply(resource);
        }
        String module = type.substring(type.indexOf(':') + 1, type.indexOf('/')).toLowerCase();
        state.putIfAbsent("arn", resource.arn(module, name));
        return name + "-" + resource.suffix().substring(0, 8);
    }
}
