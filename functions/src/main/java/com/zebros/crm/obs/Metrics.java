package com.zebros.crm.obs;

import com.zebros.crm.http.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one request in CloudWatch embedded metric format: one JSON line on stdout that
 * CloudWatch Logs turns into metrics under {@code ZebrosCRM}, by route (per-endpoint latency, p95 and
 * p99 come from the distribution), and counts such as cache hits and misses.
 */
public final class Metrics {
    public static final String NAMESPACE = "ZebrosCRM";

    private static final ThreadLocal<Metrics> CURRENT = ThreadLocal.withInitial(Metrics::new);

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    /** The metrics of the request this thread serves. */
    public static Metrics current() {
        return CURRENT.get();
    }

    public synchronized void count(String name) {
        values.merge(name, 1.0, Double::sum);
        units.put(name, "Count");
    }

    public synchronized void gauge(String name, double value) {
        values.put(name, value);
        units.put(name, "Count");
    }

    public synchronized void milliseconds(String name, double value) {
        values.put(name, value);
        units.put(name, "Milliseconds");
    }

    public synchronized Map<String, Double> values() {
        return Map.copyOf(values);
    }

    /** Writes the record with {@code route} as its dimension, and clears it for the next request. */
    public synchronized void flush(String route, String service, PrintStream out, Clock clock) {
        if (values.isEmpty()) {
            return;
        }
        List<Map<String, String>> definitions = new ArrayList<>();
        units.forEach((name, unit) -> definitions.add(Map.of("Name", name, "Unit", unit)));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        clock.millis(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                NAMESPACE,
                                // By route for per-endpoint latency; by service alone for the stack's alarms.
                                "Dimensions",
                                List.of(List.of("Service", "Route"), List.of("Service")),
                                "Metrics",
                                definitions))));
        record.put("Service", service);
        record.put("Route", route);
        record.putAll(values);
        out.println(Json.write(record));
        values.clear();
        units.clear();
    }
}
