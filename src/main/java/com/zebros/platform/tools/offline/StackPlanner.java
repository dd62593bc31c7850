package com.zebros.platform.tools.offline;

import com.zebros.platform.config.ConfigSource;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.config.StackSettingsReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plans the stacks of one project directory from their own files. A secondary's plan reads its
 * primary's outputs through a StackReference: the primary is planned from its files first and its
 * planned outputs answer the reference, so the plan shows the real cross-stack wiring.
 */
public final class StackPlanner {
    private final Path directory;
    private final Consumer<String> warnings;
    /** Plans already made, when memoized; the program is deterministic, so a plan of the same settings is the same. */
    private final java.util.Map<String, Plan> memo;

    public StackPlanner(Path directory, Consumer<String> warnings) {
        this(directory, warnings, null);
    }

    private StackPlanner(Path directory, Consumer<String> warnings, java.util.Map<String, Plan> memo) {
        this.directory = directory;
        this.warnings = warnings;
        this.memo = memo;
    }

    /** A planner that keeps every plan it makes: for a test suite that plans the same stacks again and again. */
    public StackPlanner memoized() {
        return new StackPlanner(directory, warnings, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** The stack's settings from its files, with some keys replaced (e.g. the phase of a look-ahead). */
    public StackSettings settings(String stack, Map<String, String> changes) {
        StackFiles files = StackFiles.read(directory, stack);
        ConfigSource source = new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return changes.containsKey(key) ? Optional.of(changes.get(key)) : files.get(key);
            }

            @Override
            public boolean isStoredEncrypted(String key) {
                return files.isStoredEncrypted(key);
            }
        };
        return StackSettingsReader.read(files.project(), stack, source, StackSettingsReader.SecretsMode.PLACEHOLDER);
    }

    public Plan plan(StackSettings settings) {
        if (memo == null) {
            return planAnew(settings);
        }
        // Secrets print as [secret]: the key adds what they hold, so two different secrets never share a plan.
        String key = settings + "/"
                + java.util.Objects.hash(
                        settings.dbMasterPassword().reveal(),
                        settings.keycloakAdminPassword().reveal(),
                        settings.redisAuthToken().reveal());
        Plan known = memo.get(key);
        if (known == null) {
            known = planAnew(settings);
            memo.put(key, known);
        }
        return known;
    }

    private Plan planAnew(StackSettings settings) {
        if (settings.primaryStack().isEmpty()) {
            return OfflinePlanner.plan(settings);
        }
        String name = primaryName(settings);
        StackSettings primary = settings(name, Map.of());
        if (primary.phase() != settings.phase()) {
            warnings.accept(settings.stack() + " is at phase " + settings.phase() + " but its primary " + name
                    + " is at phase " + primary.phase() + "; a failover would serve at the secondary's size");
        }
        if (settings.phase() > primary.phase()) {
            // A secondary only rises after its primary: look ahead at the pair as it would then be.
            warnings.accept(
                    "planned " + name + " at phase " + settings.phase() + " as well, since it is promoted first");
            primary = primary.atPhase(settings.phase());
        }
        return OfflinePlanner.plan(settings, plan(primary).outputs());
    }

    /** The phase the primary's file sets, or empty when the stack has no primary file here. */
    public Optional<Integer> primaryPhase(StackSettings settings) {
        if (settings.primaryStack().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(settings(primaryName(settings), Map.of()).phase());
        } catch (StackFiles.NoSuchStackException e) {
            return Optional.empty();
        }
    }

    private static String primaryName(StackSettings settings) {
        String reference = settings.primaryStack().orElseThrow();
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    public List<String> stacks() {
        return StackFiles.stacksIn(directory);
    }
}
