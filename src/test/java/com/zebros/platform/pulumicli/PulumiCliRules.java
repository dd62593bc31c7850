package com.zebros.platform.pulumicli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules the real Pulumi CLI applies to {@code Pulumi.yaml} and a stack's config before any
 * program runs, ported from its Go sources (pulumi/pulumi, read 2026-12-02 at commit 1b59498). Our
 * own YAML reader and the mock engine apply none of them, so without this a project can pass every
 * test and still be refused by {@code pulumi stack init}, {@code config set}, {@code preview} and
 * {@code up}. Each method names the Go function it ports; messages are the CLI's own.
 */
public final class PulumiCliRules {
    /** {@code simpleConfigType} in sdk/go/common/workspace/project.json. */
    private static final Set<String> CONFIG_TYPES = Set.of("string", "integer", "boolean", "array", "object");
    /** {@code ConfigTypeDeclaration}'s properties (additionalProperties: false) in project.json. */
    private static final Set<String> DECLARATION_KEYS =
            Set.of("type", "items", "description", "secret", "default", "value");
    /** {@code tokens.IsName} (sdk/go/common/tokens/names.go): letters, digits, '-', '_', '.'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private PulumiCliRules() {}

    /**
     * Every rule a project file must pass to be loaded at all: {@code ValidateProject} (name),
     * {@code tokens.ValidateProjectName}, the JSON schema's config and runtime shapes
     * (sdk/go/common/workspace/project.json), {@code RewriteShorthandConfigValues} and
     * {@code Project.Validate} (sdk/go/common/workspace/project.go). Returns the errors; none is good.
     */
    public static List<String> validateProject(Map<String, Object> project) {
        List<String> errors = new ArrayList<>();
        Object name = project.get("name");
        if (!(name instanceof String projectName) || projectName.isEmpty()) {
            errors.add("project is missing a non-empty string 'name' attribute");
            return errors;
        }
        if (projectName.length() > 100 || !NAME.matcher(projectName).matches()) {
            errors.add("project names may only contain alphanumerics, hyphens, underscores, and periods");
        }
        errors.addAll(runtimeShape(project.get("runtime")));
        Map<String, Map<String, Object>> config = rewriteShorthand(projectName, asMap(project.get("config")));
        for (String key : new TreeSet<>(config.keySet())) {
            errors.addAll(validateDeclaration(projectName, key, config.get(key)));
        }
        return errors;
    }

    /**
     * {@code mergeConfig} then {@code validateStackConfigValues} (pkg/workspace/config.go), as
     * {@code pulumi preview} and {@code pulumi up} run them: a declared key of the project's namespace
     * without a default is required; a project default fills a key the stack lacks; a secret must be
     * stored encrypted (a default never is); every typed value must have its type. The CLI stops at
     * the first of these; the port lists them all.
     *
     * @param stackConfig the stack file's {@code config:} map; an encrypted value is a map with {@code secure}
     * @param decrypted   the plain text of each encrypted value, as {@code pulumi config set --secret} stored it
     */
    public static List<String> validateStack(
            String stackName,
            Map<String, Object> project,
            Map<String, Object> stackConfig,
            Map<String, String> decrypted) {
        String projectName = (String) project.get("name");
        Map<String, Map<String, Object>> config = rewriteShorthand(projectName, asMap(project.get("config")));
        List<String> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String declared : new TreeSet<>(config.keySet())) {
            Map<String, Object> type = config.get(declared);
            String key = declared.contains(":") ? declared : projectName + ":" + declared;
            boolean onStack = stackConfig.containsKey(key);
            boolean hasDefault = type.get("default") != null;
            boolean hasValue = type.get("value") != null;
            if (!onStack && !hasDefault && !hasValue && key.startsWith(projectName + ":")) {
                missing.add(declared);
                continue;
            }
            if (!type.containsKey("type")) {
                continue;
            }
            Object stackValue = onStack ? stackConfig.get(key) : hasValue ? type.get("value") : type.get("default");
            boolean secure = onStack && stackValue instanceof Map<?, ?> m && m.containsKey("secure");
            if (Boolean.TRUE.equals(type.get("secret")) && !secure) {
                errors.add("Stack '" + stackName + "' with configuration key '" + declared
                        + "' must be encrypted as it's secret");
                continue;
            }
            Object content = secure ? decrypted.getOrDefault(key, "") : stackContent(stackValue);
            if (!validateConfigValue((String) type.get("type"), asMap(type.get("items")), content)) {
                errors.add("Stack '" + stackName + "' with configuration key '" + declared + "' must be of type '"
                        + fullTypeName((String) type.get("type"), asMap(type.get("items"))) + "'");
            }
        }
        if (!missing.isEmpty()) {
            // mergeConfig reports the missing keys first and stops there.
            return List.of("Stack '" + stackName + "' is missing configuration value"
                    + (missing.size() > 1 ? "s " : " ") + formatMissingKeys(missing));
        }
        return errors;
    }

    /** {@code RewriteShorthandConfigValues}: a bare value is a default in the project's namespace, a value elsewhere. */
    static Map<String, Map<String, Object>> rewriteShorthand(String projectName, Map<String, Object> config) {
        Map<String, Map<String, Object>> rewritten = new java.util.LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (value instanceof Map<?, ?>) {
                rewritten.put(key, asMap(value));
            } else {
                rewritten.put(key, Map.of(namespacedByProject(projectName, key) ? "default" : "value", value));
            }
        });
        return rewritten;
    }

    /** {@code Project.Validate} for one key, after the schema's shape of a ConfigTypeDeclaration. */
    private static List<String> validateDeclaration(String projectName, String key, Map<String, Object> type) {
        List<String> errors = new ArrayList<>();
        for (String attribute : type.keySet()) {
            if (!DECLARATION_KEYS.contains(attribute)) {
                errors.add("#/config/" + key + ": '" + attribute + "' not allowed");
            }
        }
        Object typeName = type.get("type");
        if (typeName != null && !CONFIG_TYPES.contains(String.valueOf(typeName))) {
            errors.add("#/config/" + key + "/type: value must be one of " + CONFIG_TYPES);
        }
        if (type.get("default") != null && type.get("value") != null) {
            errors.add("project config '" + key + "' cannot have both a 'default' and 'value' attribute");
        }
        boolean typed = typeName != null;
        if (namespacedByProject(projectName, key)) {
            if (typed && typeName.equals("array") && type.get("items") == null) {
                errors.add("The configuration key '" + key + "' declares an array but does not specify the underlying "
                        + "type via the 'items' attribute");
            }
            if (typed
                    && type.get("default") != null
                    && !validateConfigValue((String) typeName, asMap(type.get("items")), type.get("default"))) {
                errors.add(
                        "The default value specified for configuration key '" + key + "' is not of the expected type '"
                                + fullTypeName((String) typeName, asMap(type.get("items"))) + "'");
            }
        } else {
            if (typed) {
                errors.add("Configuration key '" + key
                        + "' is not namespaced by the project and should not define a type");
            } else if (type.get("default") != null) {
                errors.add("Configuration key '" + key + "' is not namespaced by the project and should not define a "
                        + "default value. Did you mean to use the 'value' attribute instead of 'default'?");
            } else if (type.get("value") == null) {
                errors.add("Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
            }
        }
        return errors;
    }

    /** {@code configKeyIsNamespacedByProject}. */
    static boolean namespacedByProject(String projectName, String key) {
        return !key.contains(":") || key.startsWith(projectName + ":");
    }

    /**
     * {@code ValidateConfigValue}: strings are strings; integers may be whole floats or strings that
     * parse; booleans may be the strings "true"/"false"; arrays check each item against {@code items}.
     */
    static boolean validateConfigValue(String typeName, Map<String, Object> items, Object value) {
        switch (typeName) {
            case "string":
                return value instanceof String;
            case "integer":
                if (value instanceof Integer || value instanceof Long) {
                    return true;
                }
                if (value instanceof Double d) {
                    return d == Math.floor(d);
                }
                if (value instanceof String text) {
                    try {
                        Integer.parseInt(text);
                        return true;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                return false;
            case "boolean":
                return value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "object":
                return value instanceof Map<?, ?>;
            default:
                if (!(value instanceof List<?> list) || items.isEmpty()) {
                    return false;
                }
                for (Object item : list) {
                    if (!validateConfigValue(String.valueOf(items.get("type")), asMap(items.get("items")), item)) {
                        return false;
                    }
                }
                return true;
        }
    }

    /**
     * What {@code validateStackConfigValue} checks a stack value as: primitives arrive as their text
     * ({@code createConfigValue}: {@code fmt.Sprintf("%v")}), objects and lists as themselves.
     */
    private static Object stackContent(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? value : String.valueOf(value);
    }

    /** {@code InferFullTypeName}. */
    private static String fullTypeName(String typeName, Map<String, Object> items) {
        return items.isEmpty()
                ? typeName
                : "array<" + fullTypeName(String.valueOf(items.get("type")), asMap(items.get("items"))) + ">";
    }

    /** {@code formatMissingKeys}: 'a', 'b' and 'c'. */
    private static String formatMissingKeys(List<String> keys) {
        if (keys.size() == 1) {
            return "'" + keys.get(0) + "'";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i == keys.size() - 1) {
                out.append("and '").append(keys.get(i)).append("'");
            } else if (i == keys.size() - 2) {
                out.append("'").append(keys.get(i)).append("' ");
            } else {
                out.append("'").append(keys.get(i)).append("', ");
            }
        }
        return out.toString();
    }

    /** The schema's {@code runtime}: a non-empty string, or {@code {name, options}} and nothing else. */
    private static List<String> runtimeShape(Object runtime) {
        if (runtime instanceof String name && !name.isEmpty()) {
            return List.of();
        }
        if (runtime instanceof Map<?, ?> map) {
            List<String> errors = new ArrayList<>();
            map.keySet().stream()
                    .filter(k -> !Set.of("name", "options").contains(k))
                    .forEach(k -> errors.add("#/runtime: '" + k + "' not allowed"));
            if (!(map.get("name") instanceof String name) || name.isEmpty()) {
                errors.add("#/runtime/name: a non-empty string is required");
            }
            if (map.containsKey("options") && !(map.get("options") instanceof Map<?, ?>)) {
                errors.add("#/runtime/options: expected object");
            }
            return errors;
        }
        return List.of("#/runtime: expected a string or an object with a name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}
