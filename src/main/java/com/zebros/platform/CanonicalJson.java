package com.zebros.platform;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON the program hands AWS (policies, container definitions, state machines, web ACL rules,
 * dashboards, secrets): object keys sorted at every level. Java's immutable maps iterate in an order
 * that changes from one JVM to the next, and a document whose text changes while its meaning does not
 * would show a diff, or update a secret, on every {@code pulumi up}.
 */
public final class CanonicalJson {
    private static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Gson PRETTY = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .setPrettyPrinting()
            .create();

    private CanonicalJson() {}

    public static String write(Object value) {
        return GSON.toJson(sorted(value));
    }

    /** The same, indented: for documents people read in the console, such as state machines. */
    public static String writePretty(Object value) {
        return PRETTY.toJson(sorted(value));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return value;
    }
}
