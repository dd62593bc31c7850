package com.zebros.platform.tools.offline;

import java.util.ArrayList;
import java.util.List;

/** Components have no registration with the mocks; a plan lists each before its first child. */
final class ComponentOrder {
    private ComponentOrder() {}

    static List<PlannedResource> componentsFirst(List<PlannedResource> sorted) {
        List<PlannedResource> pending = new ArrayList<>(
                sorted.stream().filter(PlannedResource::isComponent).toList());
        List<PlannedResource> out = new ArrayList<>();
        for (PlannedResource r : sorted) {
            if (!r.isComponent()) {
                placeAncestors(r.parent(), pending, out);
                out.add(r);
            }
        }
        out.addAll(pending);
        return out;
    }

    private static void placeAncestors(String parentUrn, List<PlannedResource> pending, List<PlannedResource> out) {
        for (PlannedResource c : List.copyOf(pending)) {
            if (c.urn().equals(parentUrn)) {
                placeAncestors(c.parent(), pending, out);
                pending.remove(c);
                out.add(c);
            }
        }
    }
}
