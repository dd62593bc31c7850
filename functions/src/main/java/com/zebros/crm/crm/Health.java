package com.zebros.crm.crm;

import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/health}, what Route 53 probes: one batch read of a key that never exists in every
 * table (a single round trip), so a region whose tables (or the function's access to them) fail
 * answers 503 and DNS fails over.
 */
public final class Health {
    private final Store store;

    public Health(Store store) {
        this.store = store;
    }

    public Response check(Request request) {
        request.allowOnly(Set.of());
        Map<String, String> checks = new LinkedHashMap<>();
        boolean healthy;
        try {
            store.probe();
            for (Table table : Table.values()) {
                checks.put(table.id(), "ok");
            }
            healthy = true;
        } catch (RuntimeException e) {
            for (Table table : Table.values()) {
                checks.put(table.id(), "failing: " + e.getClass().getSimpleName());
            }
            healthy = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : "failing");
        body.put("checks", checks);
        return Response.json(healthy ? 200 : 503, body);
    }
}
