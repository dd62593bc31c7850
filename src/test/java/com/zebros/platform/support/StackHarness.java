package com.zebros.platform.support;

import com.zebros.platform.config.ConfigSource;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.config.StackSettingsReader;
import com.zebros.platform.offline.OfflinePlanner;
import com.zebros.platform.offline.Plan;
import com.zebros.platform.offline.StackFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a stack of this repository on Pulumi's mock engine, with its own Pulumi.&lt;stack&gt;.yaml, and
 * lets a test ask for resources by type and name. Plans are cached per stack and phase: the
 * program is deterministic, and planning is the slow part of a test.
 */
public final class StackHarness {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Map<String, PlannedStack> CACHE = new ConcurrentHashMap<>();

    private StackHarness() {
    }

    /** The settings of {@code stack} as its files give them. */
    public static StackSettings settings(String stack) {
        StackFiles files = StackFiles.read(PROJECT, stack);
        return StackSettingsReader.read(files.project(), stack, files, StackSettingsReader.SecretsMode.PLACEHOLDER);
    }

    /** The settings of {@code stack} with some keys replaced, e.g. {@code Map.of("phase", "2")}. */
    public static StackSettings settings(String stack, Map<String, String> changes) {
        StackFiles files = StackFiles.read(PROJECT, stack);
        ConfigSource source = key -> changes.containsKey(key) ? Optional.of(changes.get(key)) : files.get(key);
        return StackSettingsReader.read(files.project(), stack, source, StackSettingsReader.SecretsMode.PLACEHOLDER);
    }

    public static PlannedStack plan(String stack) {
        return plan(stack, settings(stack).phase());
    }

    public static PlannedStack plan(String stack, int phase) {
        return CACHE.computeIfAbsent(stack + "@" + phase,
                k -> new PlannedStack(OfflinePlanner.plan(settings(stack, Map.of("phase", String.valueOf(phase))))));
    }

    /** A plan of settings no stack file holds; never cached. */
    public static PlannedStack plan(StackSettings settings) {
        return new PlannedStack(OfflinePlanner.plan(settings));
    }

    public static Map<String, String> changes(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static Plan rawPlan(String stack, int phase) {
        return plan(stack, phase).plan();
    }
}
