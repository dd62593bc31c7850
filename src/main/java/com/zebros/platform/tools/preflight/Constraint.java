package com.zebros.platform.tools.preflight;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What AWS's API model says of one API member: its type, length or value range, pattern, enum
 * values, whether the call requires it, what its documentation text adds (a length, a character
 * set), and, for a member that holds a JSON document, the shape the document follows.
 */
record Constraint(
        String api,
        String type,
        boolean required,
        Double min,
        Double max,
        Pattern pattern,
        List<String> enumValues,
        Integer documentedMax,
        Pattern charset,
        String document,
        Constraint key,
        boolean newerThanModel,
        String providerFills,
        java.util.Map<String, String> valueMap) {

    static Constraint of(JsonObject json) {
        JsonObject documented = json.has("documented") ? json.getAsJsonObject("documented") : new JsonObject();
        return new Constraint(
                json.has("api") ? json.get("api").getAsString() : null,
                json.has("type") ? json.get("type").getAsString() : "string",
                json.has("required") && json.get("required").getAsBoolean(),
                number(json, "min"),
                number(json, "max"),
                json.has("pattern") ? Pattern.compile(json.get("pattern").getAsString()) : null,
                strings(json.get("enum")),
                documented.has("max") ? documented.get("max").getAsInt() : null,
                documented.has("charset")
                        ? Pattern.compile(documented.get("charset").getAsString())
                        : null,
                json.has("document") ? json.get("document").getAsString() : null,
                json.has("key") ? of(json.getAsJsonObject("key")) : null,
                json.has("newerThanModel") && json.get("newerThanModel").getAsBoolean(),
                json.has("providerFills") ? json.get("providerFills").getAsString() : null,
                valueMap(json.get("valueMap")));
    }

    /** The value the API receives for a planned value the provider converts (a boolean into an enum). */
    Object toApi(Object value) {
        String mapped = valueMap.get(String.valueOf(value));
        return mapped == null ? value : mapped;
    }

    private static java.util.Map<String, String> valueMap(JsonElement element) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        if (element instanceof JsonObject object) {
            object.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
        }
        return java.util.Map.copyOf(map);
    }

    private static Double number(JsonObject json, String key) {
        return json.has(key) ? json.get(key).getAsDouble() : null;
    }

    private static List<String> strings(JsonElement element) {
        List<String> out = new ArrayList<>();
        if (element instanceof JsonArray array) {
            array.forEach(e -> out.add(e.getAsString()));
        }
        return List.copyOf(out);
    }
}
