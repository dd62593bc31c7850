package com.zebros.platform.tools.offline;

import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the program's own code says about each resource as it constructs it: its parent, and its
 * place in the order the program constructed resources. Registrations reach the engine in whatever
 * order their inputs resolve, which differs from run to run; the construction order does not, so a
 * plan listed in it reads the same every time (and follows the program's source).
 *
 * <p>Both come from a resource transformation, which the SDK applies inside each resource's
 * constructor (https://www.pulumi.com/docs/iac/concepts/options/transformations/).
 */
final class ProgramOrder {
    private final Map<Resource, Resource> parents = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Guarded by itself: a resource built in an apply callback is constructed on a pool thread. */
    private final Map<String, Integer> positions = new HashMap<>();

    ResourceTransformation recorder() {
        return args -> {
            args.options().getParent().ifPresent(parent -> parents.put(args.resource(), parent));
            String key =
                    key(args.resource().pulumiResourceType(), args.resource().pulumiResourceName());
            synchronized (positions) {
                positions.putIfAbsent(key, positions.size());
            }
            return Optional.empty();
        };
    }

    Resource parentOf(Resource resource) {
        return parents.get(resource);
    }

    /** The resource's place in construction order; one the program did not construct sorts last. */
    int positionOf(String type, String name) {
        synchronized (positions) {
            return positions.getOrDefault(key(type, name), Integer.MAX_VALUE);
        }
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
