package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;

/**
 * One step of {@code pulumi up}, as the engine's step generator makes it (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go): what happens to one resource, in the order the engine runs it.
 *
 * @param kind    what the engine does
 * @param before  the resource as deployed (null for a create)
 * @param after   the resource as planned (null for a delete)
 * @param reasons for an update, the changed inputs; for a replacement, each input that forces it with its rule
 */
public record Step(Kind kind, PlannedResource before, PlannedResource after, List<String> reasons) {

    public enum Kind {
        SAME,
        UPDATE,
        CREATE,
        DELETE,
        /** The new resource of a replacement, created while the old one still exists (unless deleteBeforeReplace). */
        CREATE_REPLACEMENT,
        /** The old resource of a replacement, deleted at the end, or first with deleteBeforeReplace. */
        DELETE_REPLACED
    }

    public Step {
        reasons = List.copyOf(reasons);
    }

    public PlannedResource resource() {
        return after != null ? after : before;
    }

    public String urn() {
        return resource().urn();
    }

    /** The URN the engine knew the resource by: a moved resource's old URN. */
    public String formerUrn() {
        return before != null ? before.urn() : after.urn();
    }

    public boolean moved() {
        return before != null && after != null && !before.urn().equals(after.urn());
    }
}
