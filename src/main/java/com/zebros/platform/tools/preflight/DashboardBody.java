package com.zebros.platform.tools.preflight;

import com.zebros.platform.tools.offline.PlanInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard body's structure as CloudWatch documents it: a widgets list, each widget of a known
 * type, inside the 24-column grid, with its properties.
 */
final class DashboardBody {
    static final String SPEC =
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html";
    private static final Set<String> TOP = Set.of("widgets", "start", "end", "periodOverride", "variables");
    private static final Set<String> TYPES = Set.of("metric", "text", "log", "alarm", "explorer", "custom");

    private DashboardBody() {}

    static List<String> problems(String body) {
        List<String> problems = new ArrayList<>();
        Optional<Map<String, Object>> parsed = JsonDocument.object(body);
        if (parsed.isEmpty()) {
            return List.of("is not valid JSON");
        }
        Map<String, Object> dashboard = parsed.get();
        JsonDocument.unknownElements(dashboard, TOP, "", problems);
        List<Object> widgets = PlanInputs.list(dashboard.get("widgets"));
        if (widgets.isEmpty()) {
            problems.add("has no widgets");
        }
        for (int i = 0; i < widgets.size(); i++) {
            widget(PlanInputs.map(widgets.get(i)), "widgets[" + i + "] ", problems);
        }
        return problems;
    }

    private static void widget(Map<String, Object> widget, String at, List<String> problems) {
        Object type = widget.get("type");
        if (!TYPES.contains(String.valueOf(type))) {
            problems.add(at + "has an unknown type " + type);
        }
        Double x = Values.number(widget.get("x"));
        Double width = Values.number(widget.getOrDefault("width", 6));
        Double height = Values.number(widget.getOrDefault("height", 6));
        if (x != null && (x < 0 || x > 23)) {
            problems.add(at + "x must be 0 to 23");
        }
        if (width == null || width < 1 || width > 24 || (x != null && x + width > 24)) {
            problems.add(at + "width must be 1 to 24 and fit the 24 columns");
        }
        if (height == null || height < 1 || height > 1000) {
            problems.add(at + "height must be 1 to 1000");
        }
        Map<String, Object> properties = PlanInputs.map(widget.get("properties"));
        if (properties.isEmpty()) {
            problems.add(at + "needs properties");
        } else if ("metric".equals(type)
                && (properties.get("region") == null
                        || (!properties.containsKey("metrics") && !properties.containsKey("annotations")))) {
            problems.add(at + "(metric) needs a region and metrics");
        } else if ("text".equals(type) && !(properties.get("markdown") instanceof String)) {
            problems.add(at + "(text) needs markdown");
        }
    }
}
