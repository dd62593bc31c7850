package com.zebros.platform.tools.offline;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a resource's inputs are secret on the wire, as the engine receives them: a value the SDK
 * sends as secret is wrapped in an object whose signature key holds the secret signature
 * (pulumi/pulumi sdk/go/common/resource/sig/sig.go, {@code Key} and {@code Secret}). A path is a list
 * of property names and list indices from the inputs' root, e.g. {@code [origins, 0, customHeaders, 0, value]}.
 */
final class SecretPaths {
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    private SecretPaths() {}

    /** Every secret position in a registration's inputs. */
    static Set<List<Object>> of(Struct inputs) {
        List<List<Object>> found = new ArrayList<>();
        inputs.getFieldsMap().forEach((key, value) -> walk(value, List.of(key), found));
        return Set.copyOf(found);
    }

    private static void walk(Value value, List<Object> path, List<List<Object>> found) {
        switch (value.getKindCase()) {
            case STRUCT_VALUE -> {
                Map<String, Value> fields = value.getStructValue().getFieldsMap();
                Value sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    found.add(path);
                    return;
                }
                fields.forEach((key, child) -> walk(child, append(path, key), found));
            }
            case LIST_VALUE -> {
                List<Value> items = value.getListValue().getValuesList();
                for (int i = 0; i < items.size(); i++) {
                    walk(items.get(i), append(path, i), found);
                }
            }
            default -> {
                // a plain scalar: not secret
            }
        }
    }

    /** {@code path} one segment (a key or an index) deeper. */
    static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }
}
