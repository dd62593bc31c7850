package com.zebros.platform.tools.preflight;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The constraints table that tools/preflight/generate-constraints.py extracts from AWS's API models
 * (src/main/resources/preflight/api-constraints.json) and the mapping it was made from: per resource
 * type, each Pulumi input path with the constraint of the API member it becomes, and the shapes of
 * JSON documents. Read once; users never need the models.
 */
final class ApiConstraints {
    private static final ApiConstraints INSTANCE = load();

    private final String botocoreVersion;
    private final Map<String, Map<String, Constraint>> members;
    private final Map<String, JsonObject> shapes;
    private final JsonObject mappings;

    private ApiConstraints(
            String botocoreVersion,
            Map<String, Map<String, Constraint>> members,
            Map<String, JsonObject> shapes,
            JsonObject mappings) {
        this.botocoreVersion = botocoreVersion;
        this.members = members;
        this.shapes = shapes;
        this.mappings = mappings;
    }

    static ApiConstraints get() {
        return INSTANCE;
    }

    /** The constraints of a resource type's mapped inputs; empty when the type makes no AWS call of its own. */
    Optional<Map<String, Constraint>> forType(String type) {
        return Optional.ofNullable(members.get(type));
    }

    /** Whether mappings.json maps the type at all (with an operation, or null and a reason). */
    boolean isMapped(String type) {
        return mappings.has(type);
    }

    JsonObject shape(String reference) {
        JsonObject shape = shapes.get(reference);
        if (shape == null) {
            throw new IllegalStateException("api-constraints.json lacks the shape " + reference
                    + "; re-run tools/preflight/generate-constraints.py");
        }
        return shape;
    }

    String botocoreVersion() {
        return botocoreVersion;
    }

    private static ApiConstraints load() {
        JsonObject table = read("/preflight/api-constraints.json");
        Map<String, Map<String, Constraint>> members = new LinkedHashMap<>();
        table.getAsJsonObject("members").entrySet().forEach(type -> {
            Map<String, Constraint> inputs = new LinkedHashMap<>();
            type.getValue()
                    .getAsJsonObject()
                    .entrySet()
                    .forEach(input -> inputs.put(
                            input.getKey(), Constraint.of(input.getValue().getAsJsonObject())));
            members.put(type.getKey(), inputs);
        });
        Map<String, JsonObject> shapes = new LinkedHashMap<>();
        table.getAsJsonObject("shapes")
                .entrySet()
                .forEach(e -> shapes.put(e.getKey(), e.getValue().getAsJsonObject()));
        return new ApiConstraints(
                table.get("botocore").getAsString(), members, shapes, read("/preflight/mappings.json"));
    }

    private static JsonObject read(String resource) {
        try (InputStream in = ApiConstraints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
