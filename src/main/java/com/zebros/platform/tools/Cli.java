package com.zebros.platform.tools;

import com.zebros.platform.config.ConfigProblem;
import com.zebros.platform.config.InvalidStackConfigException;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.ops.PowerTuningRun;
import com.zebros.platform.tools.baseline.Baseline;
import com.zebros.platform.tools.cost.CostEstimate;
import com.zebros.platform.tools.cost.CostPrinter;
import com.zebros.platform.tools.offline.ArchitectureGraph;
import com.zebros.platform.tools.offline.GraphPrinter;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlanJson;
import com.zebros.platform.tools.offline.PlanPrinter;
import com.zebros.platform.tools.offline.Promotion;
import com.zebros.platform.tools.offline.PromotionPrinter;
import com.zebros.platform.tools.offline.StackFileEditor;
import com.zebros.platform.tools.offline.StackFiles;
import com.zebros.platform.tools.offline.StackPlanner;
import com.zebros.platform.tools.preflight.Preflight;
import com.zebros.platform.tools.preflight.PreflightJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code plan --stack <name> [--phase <n>] [--json]}. Exit codes: 0 done,
 * 1 the program failed, 2 bad arguments or bad stack config (nothing was planned).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** The plan has inputs AWS would refuse (the preflight); {@code --allow-preflight-failures} plans anyway. */
    public static final int PREFLIGHT_FAILED = 3;

    private final Path directory;
    private final PrintStream out;
    private final PrintStream err;
    private final StackPlanner planner;
    /** Colour is for a person at a terminal: off for tests, pipes, files and JSON. */
    private final boolean colour;

    public Cli(Path directory, PrintStream out, PrintStream err) {
        this(directory, out, err, new StackPlanner(directory, warning -> err.println("warning: " + warning)));
    }

    /** With a planner of the caller's: tests share one that keeps its plans. */
    public Cli(Path directory, PrintStream out, PrintStream err, StackPlanner planner) {
        this.directory = directory;
        this.out = out;
        this.err = err;
        this.planner = planner;
        this.colour = out == System.out;
    }

    /** What a command does with its parsed options; it may throw, {@link #command} maps that to an exit code. */
    @FunctionalInterface
    private interface Body {
        int run(Map<String, String> options) throws IOException;
    }

    public int run(String... args) {
        if (args.length == 0) {
            err.println(CliArguments.USAGE);
            return BAD_INPUT;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        switch (args[0]) {
            case "plan":
                return command(
                        "plan",
                        rest,
                        List.of("--stack", "--phase", "--out"),
                        List.of("--json", "--allow-preflight-failures"),
                        List.of("--stack"),
                        this::plan);
            case "graph":
                return command(
                        "graph",
                        rest,
                        List.of("--stack", "--phase", "--format", "--since"),
                        List.of(),
                        List.of("--stack"),
                        this::graph);
            case "runbook":
                return command(
                        "runbook",
                        rest,
                        List.of("--stack", "--from-outputs"),
                        List.of("--switchover", "--failover", "--failback"),
                        List.of("--stack"),
                        this::runbook);
            case "cost":
                return command("cost", rest, List.of("--stack", "--phase"), List.of(), List.of("--stack"), this::cost);
            case "power-tuning":
                return command(
                        "power-tuning",
                        rest,
                        List.of("--stack", "--group", "--phase"),
                        List.of(),
                        List.of("--stack", "--group"),
                        this::powerTuning);
            case "promote":
                return command(
                        "promote",
                        rest,
                        List.of("--stack", "--to"),
                        List.of("--write", "--allow-skip", "--runbook"),
                        List.of("--stack", "--to"),
                        this::promote);
            default:
                err.println("unknown command '" + args[0] + "'\n" + CliArguments.USAGE);
                return BAD_INPUT;
        }
    }

    /**
     * Parses a command's options and runs it: bad arguments and bad stack config exit with 2, a failed
     * program or file write with 1, each with one plain message on stderr.
     */
    private int command(
            String name, List<String> args, List<String> valued, List<String> flags, List<String> required, Body body) {
        Map<String, String> options;
        try {
            options = CliArguments.options(args, valued, flags);
            for (String option : required) {
                if (!options.containsKey(option)) {
                    throw new IllegalArgumentException(name + " needs " + String.join(" and ", required));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + CliArguments.USAGE);
            return BAD_INPUT;
        }
        try {
            return body.run(options);
        } catch (InvalidStackConfigException | StackFiles.NoSuchStackException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("could not write " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println(name + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int plan(Map<String, String> options) throws IOException {
        Plan plan = planner.plan(settings(options.get("--stack"), options.get("--phase")));
        boolean json = options.containsKey("--json");
        Preflight.Report preflight = Preflight.evaluate(plan);
        if (options.containsKey("--out")) {
            // Maven may write terminal codes to stdout (Debian's 3.8.7 does, even with -q -B); a file stays clean.
            Path file = directory.resolve(options.get("--out"));
            Files.writeString(
                    file, PlanJson.render(plan, PreflightJson.section(preflight)) + "\n", StandardCharsets.UTF_8);
            err.println("wrote the JSON plan of " + plan.stack() + " ("
                    + plan.resources().size() + " resources) to " + file);
        } else {
            out.print(
                    json
                            ? PlanJson.render(plan, PreflightJson.section(preflight)) + "\n"
                            : PlanPrinter.render(plan, colour && System.console() != null));
        }
        var violations = Baseline.evaluate(plan);
        if (json || options.containsKey("--out")) {
            // On stderr, so stdout stays one JSON document.
            violations.forEach(v -> err.println("baseline violation: " + v.describe()));
            preflight.findings().forEach(f -> err.println("preflight: " + f.describe()));
        } else {
            out.println("\nChecks:");
            out.println("    "
                    + (violations.isEmpty()
                            ? "Security baseline: " + Baseline.rules().size() + " rules, no violation"
                            : "Security baseline: " + violations.size() + " violation(s)"));
            violations.forEach(v -> out.println("      - " + v.describe()));
            out.println("    " + preflightSummary(preflight));
            preflight.findings().forEach(f -> out.println("      - " + f.describe()));
        }
        if (!preflight.passed() && !options.containsKey("--allow-preflight-failures")) {
            err.println(preflight.findings().size() + " input(s) AWS would refuse: `pulumi up` would stop partway. "
                    + "Fix them, or plan anyway with --allow-preflight-failures.");
            return PREFLIGHT_FAILED;
        }
        return OK;
    }

    private int graph(Map<String, String> options) {
        String format = options.getOrDefault("--format", "mermaid");
        if (!format.equals("mermaid") && !format.equals("dot")) {
            throw new InvalidStackConfigException(
                    "--format",
                    List.of(new ConfigProblem(
                            "--format",
                            "\"" + format + "\"",
                            "mermaid or dot",
                            "graph --stack <name> --format mermaid")));
        }
        StackSettings settings = settings(options.get("--stack"), options.get("--phase"));
        Plan plan = planner.plan(settings);
        var graph = ArchitectureGraph.of(plan);
        java.util.Set<String> added = java.util.Set.of();
        if (options.containsKey("--since")) {
            int since = CliArguments.phase(options.get("--since"));
            added = GraphPrinter.added(ArchitectureGraph.of(planner.plan(settings.atPhase(since))), graph);
        }
        out.print(
                format.equals("dot") ? GraphPrinter.dot(plan, graph, added) : GraphPrinter.mermaid(plan, graph, added));
        return OK;
    }

    private int runbook(Map<String, String> options) throws IOException {
        List<String> chosen = List.of("--switchover", "--failover", "--failback").stream()
                .filter(options::containsKey)
                .toList();
        if (chosen.size() != 1) {
            throw new InvalidStackConfigException(
                    "runbook",
                    List.of(new ConfigProblem(
                            "runbook",
                            String.valueOf(chosen),
                            "exactly one of --switchover, --failover and --failback",
                            "runbook --stack prod-us --switchover")));
        }
        StackSettings primary = settings(options.get("--stack"), null);
        StackSettings secondary = secondaryOf(primary);
        Map<String, Object> primaryOutputs;
        Map<String, Object> secondaryOutputs;
        if (options.containsKey("--from-outputs")) {
            var deployed = com.google.gson.JsonParser.parseString(
                            java.nio.file.Files.readString(directory.resolve(options.get("--from-outputs"))))
                    .getAsJsonObject();
            primaryOutputs = outputsOf(deployed, primary.stack());
            secondaryOutputs = outputsOf(deployed, secondary.stack());
        } else {
            primaryOutputs = planner.plan(primary).outputs();
            secondaryOutputs = planner.plan(secondary).outputs();
        }
        var scenario = com.zebros.platform.tools.runbook.FailoverRunbook.Scenario.valueOf(
                chosen.get(0).substring(2).toUpperCase());
        var steps =
                new com.zebros.platform.tools.runbook.FailoverRunbook(primaryOutputs, secondaryOutputs).steps(scenario);
        out.print(com.zebros.platform.tools.runbook.RunbookPrinter.render(
                scenario.name().toLowerCase() + " of " + primary.stack()
                        + " (" + primary.region() + ") and " + secondary.stack() + " (" + secondary.region()
                        + "), identifiers from "
                        + (options.containsKey("--from-outputs") ? options.get("--from-outputs") : "the offline plans"),
                steps,
                new com.zebros.platform.tools.runbook.RegionsTouched(
                        Map.of(primary.stack(), primary.region(), secondary.stack(), secondary.region()))));
        return OK;
    }

    /** The stack whose zebros:primaryStack names {@code primary}. */
    private StackSettings secondaryOf(StackSettings primary) {
        for (String stack : planner.stacks()) {
            StackSettings candidate = settings(stack, null);
            if (candidate
                    .primaryStack()
                    .map(p -> p.equals(primary.stack()) || p.endsWith("/" + primary.stack()))
                    .orElse(false)) {
                return candidate;
            }
        }
        throw new InvalidStackConfigException(
                "--stack",
                List.of(new ConfigProblem(
                        "--stack",
                        "\"" + primary.stack() + "\"",
                        "a primary stack that a secondary names in zebros:primaryStack",
                        "runbook --stack prod-us --switchover")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputsOf(com.google.gson.JsonObject deployed, String stack) {
        if (!deployed.has(stack)) {
            throw new InvalidStackConfigException(
                    "--from-outputs",
                    List.of(new ConfigProblem(
                            "--from-outputs",
                            "no key \"" + stack + "\"",
                            "an object with each stack's `pulumi stack output --json` under its name",
                            "{\"" + stack + "\": $(pulumi stack output --json --stack " + stack + "), ...}")));
        }
        return new com.google.gson.Gson().fromJson(deployed.get(stack), Map.class);
    }

    private int cost(Map<String, String> options) {
        StackSettings settings = settings(options.get("--stack"), options.get("--phase"));
        out.print(CostPrinter.render(CostEstimate.of(planner.plan(settings))));
        return OK;
    }

    private int powerTuning(Map<String, String> options) {
        out.print(PowerTuningRun.commands(
                settings(options.get("--stack"), options.get("--phase")), options.get("--group")));
        return OK;
    }

    private int promote(Map<String, String> options) throws IOException {
        StackSettings current = settings(options.get("--stack"), null);
        int target = CliArguments.phase(options.get("--to"));
        Integer primaryPhase = planner.primaryPhase(current).orElse(null);
        Promotion promotion = Promotion.plan(
                current,
                target,
                new Promotion.Context(primaryPhase, options.containsKey("--allow-skip")),
                planner::plan);
        out.print(PromotionPrinter.render(promotion));
        out.printf(
                "Idle cost per month: %.2f → %.2f USD (cost --stack %s --phase %d itemises it)%n",
                CostEstimate.of(promotion.before()).fixedMonthly(),
                CostEstimate.of(promotion.after()).fixedMonthly(),
                current.stack(),
                target);
        if (promotion.refused()) {
            return FAILED;
        }
        Preflight.Report preflight = Preflight.evaluate(promotion.after());
        out.println(preflightSummary(preflight));
        if (!preflight.passed()) {
            preflight.findings().forEach(f -> err.println("preflight: " + f.describe()));
            err.println("Refused: the plan at phase " + target + " has inputs AWS would refuse; `pulumi up` would stop "
                    + "partway through the promotion. Fix them first.");
            return PREFLIGHT_FAILED;
        }
        if (options.containsKey("--runbook")) {
            Optional<Promotion> secondary = current.role() == com.zebros.platform.config.Role.PRIMARY
                    ? Optional.of(Promotion.plan(
                            secondaryOf(current),
                            target,
                            new Promotion.Context(target, options.containsKey("--allow-skip")),
                            planner::plan))
                    : Optional.empty();
            var regions = new com.zebros.platform.tools.runbook.RegionsTouched(secondary
                    .map(second -> Map.of(
                            current.stack(),
                            current.region(),
                            second.from().stack(),
                            second.from().region()))
                    .orElse(Map.of(current.stack(), current.region())));
            out.print("\n"
                    + com.zebros.platform.tools.runbook.RunbookPrinter.render(
                            "The promotion of " + current.stack() + " to phase " + target + ", in order:",
                            com.zebros.platform.tools.runbook.PromotionRunbook.steps(promotion, secondary),
                            regions));
        }
        if (options.containsKey("--write")) {
            write(current, promotion);
        }
        return OK;
    }

    private static String preflightSummary(Preflight.Report preflight) {
        return "Preflight (AWS API models of botocore " + Preflight.modelVersion() + " and "
                + preflight.documentedRules() + " documented rules): " + preflight.inputsChecked() + " inputs checked, "
                + (preflight.passed()
                        ? "nothing AWS would refuse"
                        : preflight.findings().size() + " finding(s)");
    }

    private void write(StackSettings current, Promotion promotion) throws IOException {
        Path file = directory.resolve("Pulumi." + current.stack() + ".yaml");
        StackFileEditor.set(file, "phase", String.valueOf(promotion.to().phase()));
        String redisMode = promotion.to().redisClusterMode().configValue();
        if (redisMode.isEmpty()) {
            StackFileEditor.remove(file, "redisClusterMode");
        } else {
            StackFileEditor.set(file, "redisClusterMode", redisMode);
        }
        out.println("\nWrote zebros:phase: " + promotion.to().phase() + " to " + file.getFileName()
                + (redisMode.isEmpty() ? "" : " (with zebros:redisClusterMode: " + redisMode + ")")
                + ". Next: pulumi up -s " + current.stack());
    }

    /** The stack's settings from its files, at {@code phase} when one is given. */
    private StackSettings settings(String stack, String phase) {
        return planner.settings(stack, phase == null ? Map.of() : Map.of("phase", phase));
    }
}
