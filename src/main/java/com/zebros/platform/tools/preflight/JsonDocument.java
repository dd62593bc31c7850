package com.zebros.platform.tools.preflight;

import com.google.gson.Gson;
import com.zebros.platform.tools.offline.PlanInputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The JSON documents inside inputs (IAM policies, dashboard bodies), read and checked one way. */
final class JsonDocument {
    private static final Gson GSON = new Gson();

    private JsonDocument() {}

    /** The document's top-level object (empty when it is JSON but no object), or nothing when it is not JSON. */
    static Optional<Map<String, Object>> object(String json) {
        try {
            return Optional.of(PlanInputs.map(GSON.fromJson(json, Object.class)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Adds "{@code at} has an unknown element K" for each key of {@code element} not in {@code known}. */
    static void unknownElements(Map<String, Object> element, Set<String> known, String at, List<String> problems) {
        String prefix = at.isEmpty() ? "" : at + " ";
        element.keySet().stream()
                .filter(k -> !known.contains(k))
                .forEach(k -> problems.add(prefix + "has an unknown element " + k));
    }
}
