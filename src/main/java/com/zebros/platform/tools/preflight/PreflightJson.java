package com.zebros.platform.tools.preflight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The preflight's section of the JSON plan: {@code {"model","inputsChecked","documentedRules","findings":[...]}}. */
public final class PreflightJson {
    private PreflightJson() {}

    public static Map<String, Object> section(Preflight.Report report) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("model", "botocore " + Preflight.modelVersion());
        section.put("inputsChecked", report.inputsChecked());
        section.put("documentedRules", report.documentedRules());
        List<Map<String, Object>> findings = report.findings().stream()
                .map(f -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("resource", f.resource());
                    json.put("input", f.input());
                    json.put("value", f.value());
                    json.put("rule", f.rule());
                    json.put("source", f.source());
                    json.put("fix", f.fix());
                    return json;
                })
                .toList();
        section.put("findings", findings);
        return Map.of("preflight", section);
    }
}
