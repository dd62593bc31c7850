package com.zebros.platform;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Values not known yet (names, ARNs, lists of them), each under a name, resolved together into one value: what
 * {@code Output.tuple} does, read by name ({@code values.string("jobsTable")}) instead of by position
 * ({@code t.t4}), so adding a value cannot shift the others.
 */
public final class NamedOutputs {
    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    /** Named strings not known yet (names, ARNs, URLs) as one output of a map, order kept. */
    public static Output<Map<String, String>> resolve(Map<String, Output<String>> values) {
        return new NamedOutputs().putAll("value", values).apply(v -> v.strings("value"));
    }

    public NamedOutputs put(String name, Output<?> value) {
        if (outputs.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException(name + " is named twice");
        }
        return this;
    }

    /** Each of {@code values} under {@code prefix + "." + key}; {@link Values#strings(String)} reads them back. */
    public NamedOutputs putAll(String prefix, Map<String, Output<String>> values) {
        values.forEach((key, value) -> put(prefix + "." + key, value));
        return this;
    }

    /** {@code build} applied to the resolved values, once all are known. */
    @SuppressWarnings("unchecked")
    public <T> Output<T> apply(Function<Values, T> build) {
        List<String> names = new ArrayList<>(outputs.keySet());
        List<Output<Object>> pending = new ArrayList<>();
        for (Output<?> output : outputs.values()) {
            pending.add((Output<Object>) output);
        }
        return Output.all(pending).applyValue(resolved -> {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), resolved.get(i));
            }
            return build.apply(new Values(byName));
        });
    }

    /** The resolved values, by the names they were put under. */
    public static final class Values {
        private final Map<String, Object> byName;

        private Values(Map<String, Object> byName) {
            this.byName = byName;
        }

        public String string(String name) {
            return (String) value(name);
        }

        /** A list of strings put under {@code name} (subnet ids, ARNs). */
        @SuppressWarnings("unchecked")
        public List<String> list(String name) {
            return (List<String>) value(name);
        }

        /** What {@link NamedOutputs#putAll} put under {@code prefix}, by key, in the order it was put. */
        public Map<String, String> strings(String prefix) {
            Map<String, String> found = new LinkedHashMap<>();
            byName.forEach((name, value) -> {
                if (name.startsWith(prefix + ".")) {
                    found.put(name.substring(prefix.length() + 1), (String) value);
                }
            });
            return found;
        }

        private Object value(String name) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("no value named " + name + "; named: " + byName.keySet());
            }
            return byName.get(name);
        }
    }
}
