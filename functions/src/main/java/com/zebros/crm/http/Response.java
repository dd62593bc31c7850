package com.zebros.crm.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response: status, headers and a JSON (or problem+json) body. */
public record Response(int status, Map<String, String> headers, String body) {

    public static Response json(int status, Object body) {
        return new Response(status, Map.of("Content-Type", "application/json"), Json.write(body));
    }

    public static Response json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        return new Response(status, headers, Json.write(body));
    }

    public static Response noContent() {
        return new Response(204, Map.of(), "");
    }

    public static Response problem(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message()))
                    .toList();
            body.put("errors", errors);
        }
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        headers.put("Content-Type", "application/problem+json");
        return new Response(e.status(), headers, Json.write(body));
    }
}
