package com.zebros.platform.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A planned stack with lookups that fail with a message saying what was there instead. */
public record PlannedStack(Plan plan) {

    public PlannedResource resource(String type, String name) {
        return plan.find(type, name)
                .orElseThrow(() -> new AssertionError("expected a " + type + " named '" + name + "'; the plan has: "
                        + plan.ofType(type).stream().map(PlannedResource::name).collect(Collectors.joining(", "))));
    }

    public Map<String, Object> inputs(String type, String name) {
        return resource(type, name).inputs();
    }

    public List<PlannedResource> all(String type) {
        return plan.ofType(type);
    }

    public boolean has(String type, String name) {
        return plan.find(type, name).isPresent();
    }

    public Object output(String name) {
        if (!plan.outputs().containsKey(name)) {
            throw new AssertionError("expected a stack output '" + name + "'; outputs are "
                    + plan.outputs().keySet());
        }
        return plan.outputs().get(name);
    }

    /** An input holding JSON (a policy, a container definition, a state machine), parsed. */
    public JsonObject jsonInput(String type, String name, String input) {
        Object value = inputs(type, name).get(input);
        if (value == null) {
            throw new AssertionError(type + " '" + name + "' has no input " + input);
        }
        return JsonParser.parseString(String.valueOf(value)).getAsJsonObject();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
