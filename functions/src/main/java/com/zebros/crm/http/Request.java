package com.zebros.crm.http;

import com.zebros.crm.auth.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A request as the API sees it, whoever delivered it (API Gateway or the local server). */
public record Request(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        Principal principal,
        String requestId) {

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /** Unknown query parameters are refused: a typo must not silently widen or empty a listing. */
    public void allowOnly(Set<String> names) {
        for (String name : query.keySet()) {
            if (!names.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; allowed: "
                        + (names.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(names))));
            }
        }
    }

    public Request withPathParameters(Map<String, String> parameters) {
        return new Request(method, path, parameters, query, headers, body, principal, requestId);
    }
}
