package com.zebros.platform.tools.preflight;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON document inside an input (an ECS container definition list, a WAF rule list) checked
 * against the API shape it becomes, member by member: unknown members, missing required members,
 * and every scalar's constraint, the way the API's own validation would refuse them.
 */
final class ShapeDocument {
    private static final Gson GSON = new Gson();

    private ShapeDocument() {}

    /** Problems of {@code json} against the shape {@code reference}, each as "path: problem". */
    static List<String> problems(String json, String reference) {
        Object document;
        try {
            document = GSON.fromJson(json, Object.class);
        } catch (RuntimeException e) {
            return List.of("is not valid JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        check(document, reference, "", problems);
        return problems;
    }

    private static void check(Object value, String reference, String path, List<String> problems) {
        ApiConstraints table = ApiConstraints.get();
        JsonObject shape = table.shape(reference);
        String type = shape.get("type").getAsString();
        switch (type) {
            case "structure" -> structure(value, shape, path, problems);
            case "list" -> {
                if (!(value instanceof List<?> items)) {
                    problems.add(at(path) + "must be a list");
                    return;
                }
                scalar(shape, reference, items, path, problems);
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), shape.get("member").getAsString(), path + "[" + i + "]", problems);
                }
            }
            case "map" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(at(path) + "must be an object");
                    return;
                }
                map.forEach((k, v) -> check(v, shape.get("value").getAsString(), path + "." + k, problems));
            }
            default -> scalar(shape, reference, value, path, problems);
        }
    }

    private static void structure(Object value, JsonObject shape, String path, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(at(path) + "must be an object");
            return;
        }
        JsonObject members = shape.has("members") ? shape.getAsJsonObject("members") : new JsonObject();
        map.forEach((k, v) -> {
            String name = String.valueOf(k);
            if (!members.has(name)) {
                problems.add(at(path) + "has no member '" + name + "' in the API (members: " + members.keySet() + ")");
            } else if (v != null) {
                check(v, members.get(name).getAsString(), path.isEmpty() ? name : path + "." + name, problems);
            }
        });
        if (shape.has("required")) {
            shape.getAsJsonArray("required").forEach(r -> {
                if (!map.containsKey(r.getAsString())) {
                    problems.add(at(path) + "lacks the required member '" + r.getAsString() + "'");
                }
            });
        }
    }

    private static void scalar(JsonObject shape, String reference, Object value, String path, List<String> problems) {
        Constraint constraint = Constraint.of(withApi(shape, reference));
        ValueCheck.problems(constraint, value).forEach(p -> problems.add(at(path) + p));
    }

    private static JsonObject withApi(JsonObject shape, String reference) {
        JsonObject copy = shape.deepCopy();
        copy.addProperty("api", reference);
        copy.remove("required");
        return copy;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : path + " ";
    }
}
