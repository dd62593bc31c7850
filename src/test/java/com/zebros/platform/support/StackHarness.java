package com.zebros.platform.support;

import com.zebros.platform.config.StackSettings;
import com.zebros.platform.tools.offline.OfflinePlanner;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.StackPlanner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a stack of this repository on Pulumi's mock engine, with its own Pulumi.&lt;stack&gt;.yaml (a
 * secondary with its primary's planned outputs), and lets a test ask for resources by type and name.
 * Plans are cached per stack and phase: the program is deterministic, and planning is the slow part.
 */
public final class StackHarness {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Map<String, PlannedStack> CACHE = new ConcurrentHashMap<>();
    private static final StackPlanner PLANNER = new StackPlanner(PROJECT, warning -> {});
    /** For tests that run the command line on this repository's stacks: one planner that keeps its plans. */
    public static final StackPlanner CLI_PLANNER = new StackPlanner(PROJECT, warning -> {}).memoized();

    /** What a command line printed, and its exit code. */
    public record CliRun(int code, String out, String err) {}

    /** Runs the command line as {@code exec:java} does, on this repository's stacks, and keeps what it printed. */
    public static CliRun cli(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = new com.zebros.platform.tools.Cli(
                        PROJECT,
                        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                        CLI_PLANNER)
                .run(args);
        return new CliRun(
                code,
                out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The first container's environment in an ECS task definition's {@code containerDefinitions} JSON. */
    public static Map<String, String> containerEnvironment(String containerDefinitions) {
        Map<String, String> env = new java.util.HashMap<>();
        for (var e : com.google.gson.JsonParser.parseString(containerDefinitions)
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("environment")) {
            var variable = e.getAsJsonObject();
            env.put(
                    variable.get("name").getAsString(),
                    variable.has("value") ? variable.get("value").getAsString() : "");
        }
        return env;
    }

    /**
     * Runs {@code main} in a fresh JVM whose classpath is {@code first} ahead of this one's (a changed schema, a
     * changed program), its output to {@code log}; fails with that output unless it ends with 0 within five minutes.
     */
    public static void runJava(java.nio.file.Path first, Class<?> main, java.nio.file.Path log, String... args)
            throws java.io.IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-Xmx1g",
                "-cp",
                first + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(
                    main.getSimpleName() + " did not end within five minutes: " + java.nio.file.Files.readString(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(main.getSimpleName() + " ended with " + process.exitValue() + ": "
                    + java.nio.file.Files.readString(log));
        }
    }

    private StackHarness() {}

    /** The settings of {@code stack} as its files give them. */
    public static StackSettings settings(String stack) {
        return PLANNER.settings(stack, Map.of());
    }

    /** The settings of {@code stack} with some keys replaced, e.g. {@code Map.of("phase", "2")}. */
    public static StackSettings settings(String stack, Map<String, String> changes) {
        return PLANNER.settings(stack, changes);
    }

    public static PlannedStack plan(String stack) {
        return plan(stack, settings(stack).phase());
    }

    /** {@code stack} at {@code phase}; a secondary's primary is planned at the same phase. */
    public static synchronized PlannedStack plan(String stack, int phase) {
        String key = stack + "@" + phase;
        PlannedStack cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        StackSettings settings = settings(stack, Map.of("phase", String.valueOf(phase)));
        PlannedStack planned = settings.primaryStack().isEmpty()
                ? new PlannedStack(OfflinePlanner.plan(settings))
                : new PlannedStack(OfflinePlanner.plan(
                        settings,
                        plan(settings.primaryStack().get(), phase).plan().outputs()));
        CACHE.put(key, planned);
        return planned;
    }

    /** A plan of settings no stack file holds; never cached. */
    public static PlannedStack plan(StackSettings settings) {
        return new PlannedStack(PLANNER.plan(settings));
    }

    public static Map<String, String> changes(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** This repository's stacks, in the order tests report them. */
    public static final java.util.List<String> STACKS = java.util.List.of("dev", "prod-us", "prod-eu");

    /** Every stack at every phase, as arguments of a parameterized test: {@code (stack, phase)}. */
    public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyStackAndPhase() {
        return STACKS.stream()
                .flatMap(stack -> java.util.stream.IntStream.rangeClosed(0, 3)
                        .mapToObj(phase -> org.junit.jupiter.params.provider.Arguments.of(stack, phase)));
    }

    public static Plan rawPlan(String stack, int phase) {
        return plan(stack, phase).plan();
    }
}
