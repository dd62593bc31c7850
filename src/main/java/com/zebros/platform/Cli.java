package com.zebros.platform;

import com.zebros.platform.config.InvalidStackConfigException;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.config.StackSettingsReader;
import com.zebros.platform.offline.OfflinePlanner;
import com.zebros.platform.offline.Plan;
import com.zebros.platform.offline.PlanJson;
import com.zebros.platform.offline.PlanPrinter;
import com.zebros.platform.offline.StackFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code plan --stack <name> [--phase <n>] [--json]}. Exit codes: 0 done,
 * 1 the program failed, 2 bad arguments or bad stack config (nothing was planned).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    static final String USAGE = """
            usage: plan --stack <name> [--phase <0-3>] [--json]
              plan     print what the stack would deploy, offline, from Pulumi.<name>.yaml
            Run it as: mvn -q compile exec:java -Dexec.args="plan --stack dev\"""";

    private final Path directory;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Path directory, PrintStream out, PrintStream err) {
        this.directory = directory;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length == 0 || !args[0].equals("plan")) {
            err.println(args.length == 0 ? USAGE : "unknown command '" + args[0] + "'\n" + USAGE);
            return BAD_INPUT;
        }
        Map<String, String> options;
        try {
            options = options(List.of(args).subList(1, args.length), List.of("--stack", "--phase"), List.of("--json"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return BAD_INPUT;
        }
        if (!options.containsKey("--stack")) {
            err.println("plan needs --stack <name>\n" + USAGE);
            return BAD_INPUT;
        }
        try {
            StackSettings settings = settings(options.get("--stack"), options.get("--phase"));
            Plan plan = OfflinePlanner.plan(settings);
            out.print(options.containsKey("--json") ? PlanJson.render(plan) + "\n" : PlanPrinter.render(plan));
            return OK;
        } catch (InvalidStackConfigException | StackFiles.NoSuchStackException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("plan failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The stack's settings from its files, at {@code phase} when one is given. */
    StackSettings settings(String stack, String phase) {
        StackFiles files = StackFiles.read(directory, stack);
        StackSettings settings = StackSettingsReader.read(files.project(), stack, key ->
                key.equals("phase") && phase != null ? java.util.Optional.of(phase) : files.get(key),
                StackSettingsReader.SecretsMode.PLACEHOLDER);
        return settings;
    }

    static Map<String, String> options(List<String> args, List<String> valued, List<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (flags.contains(arg)) {
                options.put(arg, "true");
            } else if (valued.contains(arg)) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, rest.remove(0));
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return options;
    }
}
