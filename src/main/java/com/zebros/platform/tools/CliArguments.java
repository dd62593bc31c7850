package com.zebros.platform.tools;

import com.zebros.platform.config.ConfigProblem;
import com.zebros.platform.config.InvalidStackConfigException;
import com.zebros.platform.config.PhaseTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line as Cli's commands take it: its usage, named values and flags, and phases checked. */
final class CliArguments {
    /** What `java -jar ... <command>` and `exec:java -Dexec.args=...` accept, printed on a usage error. */
    static final String USAGE = """
            usage: plan --stack <name> [--phase <0-3>] [--json] [--out <file>] [--allow-preflight-failures]
                   promote --stack <name> --to <0-3> [--write] [--allow-skip] [--runbook]
                   cost --stack <name> [--phase <0-3>]
                   graph --stack <name> [--phase <0-3>] [--format mermaid|dot] [--since <0-3>]
                   runbook --stack <primary> --switchover|--failover|--failback [--from-outputs <file>]
                   power-tuning --stack <name> --group <function group> [--phase <2-3>]
              plan     print what the stack would deploy, offline, from Pulumi.<name>.yaml;
                       --out writes the JSON plan to a file (clean JSON, whatever wraps stdout);
                       exits 3 when the preflight finds inputs AWS would refuse
              promote  plan the stack at its phase and at the target, print the difference, refuse
                       what would lose data; --write sets zebros:phase in Pulumi.<name>.yaml
              cost     an itemised monthly estimate: fixed costs at idle and unit prices of use
              graph    the components and which one consumes another's outputs, per region;
                       --since highlights what the phase adds
              runbook  the region pair's switchover, failover or failback as AWS CLI commands, every
                       identifier filled in from the plans or from --from-outputs (a JSON object of
                       each stack's `pulumi stack output --json`, keyed by stack name)
              power-tuning  the commands that run Lambda Power Tuning (phase 2+) on one function group
                       and carry its answer into zebros:overrides
            Run it as: mvn -q compile exec:java -Dexec.args="plan --stack dev\"""";

    private CliArguments() {}

    /** A phase given on the command line ({@code --to}, {@code --since}): 0 to 3, or a usage error. */
    static int phase(String value) {
        try {
            int phase = Integer.parseInt(value);
            if (phase >= PhaseTable.MIN_PHASE && phase <= PhaseTable.MAX_PHASE) {
                return phase;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidStackConfigException(
                "--to",
                List.of(new ConfigProblem(
                        "--to", "\"" + value + "\"", "a phase from 0 to 3", "promote --stack <name> --to 1")));
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
