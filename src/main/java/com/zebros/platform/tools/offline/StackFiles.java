package com.zebros.platform.tools.offline;

import com.google.gson.Gson;
import com.zebros.platform.config.ConfigSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A stack's config as the Pulumi CLI would see it, read from the files alone: the defaults that
 * {@code Pulumi.yaml} declares, overlaid with {@code Pulumi.<stack>.yaml}. Encrypted values cannot
 * be read without the stack's secrets provider, so they count as absent (the offline plan uses a
 * placeholder); a secret written in plain text is noted so validation can refuse it.
 */
public final class StackFiles implements ConfigSource {
    private static final String NAMESPACE = "zebros:";
    private static final Gson GSON = new Gson();

    private final String project;
    private final String stack;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> encrypted = new HashSet<>();

    private StackFiles(String project, String stack) {
        this.project = project;
        this.stack = stack;
    }

    /** Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} from {@code directory}. */
    public static StackFiles read(Path directory, String stack) {
        Map<String, Object> projectFile = load(directory.resolve("Pulumi.yaml"), "the project file");
        Path stackPath = directory.resolve("Pulumi." + stack + ".yaml");
        if (!Files.exists(stackPath)) {
            throw new NoSuchStackException(stack, directory);
        }
        Map<String, Object> stackFile = load(stackPath, "the stack file");
        StackFiles files = new StackFiles(String.valueOf(projectFile.get("name")), stack);
        files.readDeclarations(asMap(projectFile.get("config")));
        files.readValues(asMap(stackFile.get("config")));
        return files;
    }

    private void readDeclarations(Map<String, Object> declarations) {
        declarations.forEach((key, declaration) -> {
            if (!key.startsWith(NAMESPACE)) {
                return;
            }
            String name = key.substring(NAMESPACE.length());
            if (declaration instanceof Map<?, ?> schema) {
                if (schema.containsKey("default")) {
                    values.put(name, render(schema.get("default")));
                }
            } else {
                values.put(name, render(declaration));
            }
        });
    }

    private void readValues(Map<String, Object> config) {
        config.forEach((key, value) -> {
            if (!key.startsWith(NAMESPACE)) {
                return;
            }
            String name = key.substring(NAMESPACE.length());
            if (value instanceof Map<?, ?> map && map.containsKey("secure")) {
                encrypted.add(name);
                values.remove(name);
            } else {
                values.put(name, render(value));
            }
        });
    }

    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return GSON.toJson(value);
        }
        return String.valueOf(value);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * True when the stack file holds {@code key} encrypted ({@code secure:}) or not at all. The answer
     * does not depend on Pulumi.yaml: a secret that Pulumi.yaml does not declare (the phase-2 Redis
     * token) written in plain text is still refused.
     */
    @Override
    public boolean isStoredEncrypted(String key) {
        return encrypted.contains(key) || !values.containsKey(key);
    }

    public String project() {
        return project;
    }

    public String stack() {
        return stack;
    }

    private static Map<String, Object> load(Path path, String what) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return asMap(parsed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    /** A stack name with no {@code Pulumi.<stack>.yaml} beside Pulumi.yaml. */
    public static final class NoSuchStackException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchStackException(String stack, Path directory) {
            super("There is no stack '" + stack + "': " + directory.resolve("Pulumi." + stack + ".yaml")
                    + " does not exist. Stacks here: " + StackFiles.stacksIn(directory)
                    + ". Create one with `pulumi stack init " + stack + "`.");
        }
    }

    static List<String> stacksIn(Path directory) {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
