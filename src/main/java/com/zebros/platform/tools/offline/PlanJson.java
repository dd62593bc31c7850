package com.zebros.platform.tools.offline;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable plan: exactly one JSON document,
 * {@code {"project","stack","phase","role","region","resources":[{"urn","type","name","parent","provider","region","inputs"}],"outputs"}}.
 * A resource's {@code provider} is the URN of the provider that creates it and {@code region} the AWS
 * region it lives in; both are null for components.
 */
public final class PlanJson {
    private PlanJson() {}

    public static String render(Plan plan) {
        return render(plan, Map.of());
    }

    /** The plan with the sections of checks run on it (the preflight), each under its own key. */
    public static String render(Plan plan, Map<String, Object> checks) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project", plan.project());
        doc.put("stack", plan.stack());
        doc.put("phase", plan.phase());
        doc.put("role", plan.role());
        doc.put("region", plan.region());
        List<Map<String, Object>> resources = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("urn", r.urn());
            json.put("type", r.type());
            json.put("name", r.name());
            json.put("parent", r.parent());
            json.put("provider", r.provider());
            json.put("region", r.region());
            json.put("inputs", r.inputs());
            resources.add(json);
        }
        doc.put("resources", resources);
        doc.put("outputs", plan.outputs());
        doc.putAll(checks);
        return new GsonBuilder()
                .disableHtmlEscaping()
                .serializeNulls()
                .setPrettyPrinting()
                .create()
                .toJson(doc);
    }
}
