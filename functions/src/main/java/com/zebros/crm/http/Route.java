package com.zebros.crm.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A method and a path template such as {@code /v1/customers/{customerId}}, and what answers it. */
public record Route(String method, String template, Endpoint endpoint, Access access) {

    /** What a caller's roles must allow. */
    public enum Access {
        PUBLIC,
        READ,
        WRITE,
        DELETE
    }

    @FunctionalInterface
    public interface Endpoint {
        Response handle(Request request);
    }

    /** The path parameters when {@code path} fits this template. */
    public Optional<Map<String, String>> match(String path) {
        List<String> want = segments(template);
        List<String> got = segments(path);
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (w.startsWith("{")) {
                if (got.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(w.substring(1, w.length() - 1), got.get(i));
            } else if (!w.equals(got.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.split("/", -1));
    }
}
