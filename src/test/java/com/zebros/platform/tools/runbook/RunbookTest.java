package com.zebros.platform.tools.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runbooks as commands: no placeholder left, every identifier one the stacks really have, and
 * every AWS CLI command one the CLI has, with the options its reference requires.
 */
class RunbookTest {
    /**
     * The AWS CLI operations the runbooks use and the options each requires, from the AWS CLI
     * reference (https://awscli.amazonaws.com/v2/documentation/api/latest/reference/<service>/<operation>.html).
     */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(
                    "rds switchover-global-cluster",
                    List.of("--global-cluster-identifier", "--target-db-cluster-identifier")),
            Map.entry(
                    "rds failover-global-cluster",
                    List.of("--global-cluster-identifier", "--target-db-cluster-identifier")),
            Map.entry("rds describe-global-clusters", List.of()),
            Map.entry(
                    "application-autoscaling register-scalable-target",
                    List.of("--service-namespace", "--resource-id", "--scalable-dimension")),
            Map.entry("application-autoscaling describe-scalable-targets", List.of("--service-namespace")),
            Map.entry("ecs update-service", List.of("--service")),
            Map.entry("ecs describe-services", List.of("--services")),
            Map.entry("lambda update-event-source-mapping", List.of("--uuid")),
            Map.entry("lambda get-event-source-mapping", List.of("--uuid")),
            Map.entry("route53 update-health-check", List.of("--health-check-id")),
            Map.entry("route53 get-health-check-status", List.of("--health-check-id")),
            Map.entry("elasticache describe-replication-groups", List.of()),
            Map.entry("dax describe-clusters", List.of()),
            Map.entry("dynamodb describe-table", List.of("--table-name")),
            Map.entry(
                    "rds remove-from-global-cluster",
                    List.of("--global-cluster-identifier", "--db-cluster-identifier")),
            Map.entry(
                    "rds create-db-cluster-snapshot",
                    List.of("--db-cluster-snapshot-identifier", "--db-cluster-identifier")),
            Map.entry("rds describe-db-cluster-snapshots", List.of()),
            Map.entry("rds modify-db-cluster", List.of("--db-cluster-identifier")),
            Map.entry("rds delete-db-instance", List.of("--db-instance-identifier")),
            Map.entry("rds delete-db-cluster", List.of("--db-cluster-identifier")),
            Map.entry("rds create-db-cluster", List.of("--db-cluster-identifier", "--engine")),
            Map.entry("rds create-db-instance", List.of("--db-instance-identifier", "--db-instance-class", "--engine")),
            Map.entry("rds describe-db-clusters", List.of()),
            Map.entry("rds wait", List.of()));

    private static final Pattern OPTION = Pattern.compile("(--[a-z-]+)(?: ([^ -][^ ]*))?");

    @ParameterizedTest
    @ValueSource(strings = {"--switchover", "--failover", "--failback"})
    void everyStepIsARealCommandWithIdentifiersFromThePlans(String scenario) {
        // each step says which regions it needs, read from its commands
        assertTrue(run("runbook", "--stack", "prod-us", scenario).contains("   needs:  "));
        String runbook = run("runbook", "--stack", "prod-us", scenario);
        assertFalse(runbook.matches("(?s).*<[a-z -]+>.*"), "a placeholder is left:\n" + runbook);
        Set<String> known = outputValues();
        int commands = 0;
        for (String line : runbook.lines()
                .filter(l -> l.startsWith("   run:") || l.startsWith("   verify:"))
                .toList()) {
            for (String command : line.substring(line.indexOf(':') + 1).strip().split(" && ")) {
                commands++;
                checkCommand(command, known);
            }
        }
        assertTrue(commands >= 8, scenario + ": " + commands + " commands");
    }

    @Test
    void aSwitchoverMovesTheWriterKeycloakNotificationsAndDns() {
        String runbook = run("runbook", "--stack", "prod-us", "--switchover");
        var secondary = StackHarness.rawPlan("prod-eu", 0).outputs();
        var primary = StackHarness.rawPlan("prod-us", 0).outputs();
        assertTrue(runbook.contains("aws rds switchover-global-cluster --global-cluster-identifier "
                + primary.get("globalClusterIdentifier") + " --target-db-cluster-identifier "
                + secondary.get("authClusterArn")));
        assertTrue(runbook.contains("--uuid " + secondary.get("notificationMappingId") + " --enabled"));
        assertTrue(runbook.contains("--uuid " + primary.get("notificationMappingId") + " --no-enabled"));
        assertTrue(runbook.contains("--health-check-id " + primary.get("apiHealthCheckId") + " --inverted"));
        assertFalse(
                run("runbook", "--stack", "prod-us", "--failover").contains("--inverted"),
                "an unplanned failover needs no inversion: the failing health check moves DNS");
    }

    /** With the deployed stacks' outputs, the commands carry their values: the real account, ids and names. */
    @Test
    void fromDeployedOutputsEveryIdentifierIsTheDeployedOne(@TempDir Path dir) throws Exception {
        Gson gson = new Gson();
        String deployed = gson.toJson(Map.of(
                        "prod-us",
                        StackHarness.rawPlan("prod-us", 0).outputs(),
                        "prod-eu",
                        StackHarness.rawPlan("prod-eu", 0).outputs()))
                .replace("123456789012", "210987654321");
        Path file = dir.resolve("outputs.json");
        Files.writeString(file, deployed);
        String runbook = run("runbook", "--stack", "prod-us", "--failover", "--from-outputs", file.toString());
        assertTrue(runbook.contains("arn:aws:rds:eu-west-1:210987654321:cluster:"), runbook);
        assertFalse(runbook.contains("123456789012"), "nothing from the offline plans");
    }

    @Test
    void aPromotionRunbookOrdersTheDeploymentsAndChecksThem() {
        String runbook = run("promote", "--stack", "prod-us", "--to", "1", "--runbook");
        int primaryUp = runbook.indexOf("pulumi up --stack prod-us");
        int secondaryUp = runbook.indexOf("pulumi up --stack prod-eu");
        assertTrue(primaryUp > 0 && secondaryUp > primaryUp, "the primary first, then its secondary:\n" + runbook);
        assertTrue(
                runbook.contains(
                        "describe-scalable-targets --service-namespace dynamodb --resource-ids table/zebros-prod-us-customers"));
        for (String line :
                runbook.lines().filter(l -> l.startsWith("   verify: aws")).toList()) {
            checkCommand(line.substring(line.indexOf(':') + 1).strip(), outputValues());
        }
    }

    /**
     * An unplanned failover happens because the primary's region is down: no step may need it, Route 53's control
     * plane included when that region is us-east-1. Walked step by step against a model of which region is down.
     */
    @Test
    void noFailoverStepNeedsTheRegionThatIsDown() {
        var regions = new RegionsTouched(Map.of("prod-us", "us-east-1", "prod-eu", "eu-west-1"));
        var runbook = new FailoverRunbook(
                StackHarness.rawPlan("prod-us", 3).outputs(),
                StackHarness.rawPlan("prod-eu", 3).outputs());
        Set<String> down = Set.of("us-east-1");
        int commands = 0;
        for (Step step : runbook.steps(FailoverRunbook.Scenario.FAILOVER)) {
            Set<String> needed = regions.of(step);
            assertTrue(needed.stream().noneMatch(down::contains), step.title() + " needs " + needed);
            commands += step.command().isEmpty() ? 0 : 1;
        }
        assertTrue(commands >= 3, "the writer, Keycloak and notifications move: " + commands);
        for (FailoverRunbook.Scenario scenario : FailoverRunbook.Scenario.values()) {
            runbook.steps(scenario).forEach(regions::of); // every AWS command names its region
        }
    }

    @Test
    void theModelSeesWhatACommandNeeds() {
        var regions = new RegionsTouched(Map.of("prod-eu", "eu-west-1"));
        assertEquals(
                Set.of("us-east-1"),
                regions.of(new Step("", "aws route53 update-health-check --health-check-id x", "", "")),
                "Route 53's control plane");
        assertEquals(Set.of("eu-west-1"), regions.of(new Step("", "pulumi up --stack prod-eu", "", "")));
        assertEquals(Set.of(), regions.of(new Step("", "", "curl -s https://api.example/v1/health", "")));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> regions.of(new Step("", "aws ecs update-service --service s", "", "")),
                "a command with no region");
    }

    /**
     * A failback after an unplanned failover: traffic pinned to the survivor and the recovered region silenced first,
     * then the stale cluster detached, kept and deleted, the region added back, and only then the switchover.
     */
    @Test
    void aFailbackReAddsTheOldPrimaryBeforeSwitchingOverToIt() {
        String runbook = run("runbook", "--stack", "prod-us", "--failback");
        var primary = StackHarness.rawPlan("prod-us", 0).outputs();
        String arn = String.valueOf(primary.get("authClusterArn"));
        int inverted = runbook.indexOf("--health-check-id " + primary.get("authHealthCheckId") + " --inverted");
        int silenced = runbook.indexOf("--uuid " + primary.get("notificationMappingId") + " --no-enabled");
        int detached = runbook.indexOf("aws rds remove-from-global-cluster --global-cluster-identifier "
                + primary.get("globalClusterIdentifier") + " --db-cluster-identifier " + arn + " --region us-east-1");
        int kept = runbook.indexOf("aws rds create-db-cluster-snapshot");
        int deleted = runbook.indexOf("aws rds delete-db-cluster ");
        int readded = runbook.indexOf("aws rds create-db-cluster --db-cluster-identifier zebros-prod-us-auth-us-east-1"
                + " --global-cluster-identifier " + primary.get("globalClusterIdentifier"));
        int switched = runbook.indexOf("aws rds switchover-global-cluster");
        int restored = runbook.indexOf("--health-check-id " + primary.get("authHealthCheckId") + " --no-inverted");
        List<Integer> order = List.of(inverted, silenced, detached, kept, deleted, readded, switched, restored);
        assertTrue(order.stream().allMatch(i -> i > 0), order + "\n" + runbook);
        assertEquals(order.stream().sorted().toList(), order, "out of order:\n" + runbook);
        assertTrue(runbook.contains("--availability-zone us-east-1"), runbook);
        assertTrue(runbook.contains("pulumi refresh --stack prod-us --yes"), runbook);
    }

    /** The runbook table (docs/fail-over.md) gives each runbook's number of steps: the number the command prints. */
    @ParameterizedTest
    @ValueSource(strings = {"--switchover", "--failover", "--failback"})
    void readmeCountsTheSteps(String scenario) throws java.io.IOException {
        long steps = run("runbook", "--stack", "prod-us", scenario)
                .lines()
                .filter(l -> l.matches("\\d+\\. .*"))
                .count();
        String row = Files.readAllLines(StackHarness.PROJECT.resolve("docs/fail-over.md")).stream()
                .filter(l -> l.startsWith("| `" + scenario + "` |"))
                .findFirst()
                .orElseThrow();
        assertEquals(String.valueOf(steps), row.split("\\|")[3].strip(), row);
    }

    private static void checkCommand(String command, Set<String> known) {
        if (!command.startsWith("aws ")) {
            assertTrue(command.matches("(curl|pulumi|mvn|grep) .*"), "an unknown tool: " + command);
            return;
        }
        String[] words = command.split(" ");
        String operation = words[1] + " " + words[2];
        assertTrue(REQUIRED.containsKey(operation), "not an operation the runbooks may use: " + operation);
        Set<String> options = new HashSet<>();
        Matcher m = OPTION.matcher(command);
        while (m.find()) {
            options.add(m.group(1));
            String value = m.group(2);
            if (value != null
                    && List.of(
                                    "--global-cluster-identifier",
                                    "--target-db-cluster-identifier",
                                    "--uuid",
                                    "--health-check-id",
                                    "--cluster",
                                    "--service",
                                    "--services",
                                    "--replication-group-id",
                                    "--db-cluster-identifier",
                                    "--db-instance-identifier",
                                    "--vpc-security-group-ids",
                                    "--kms-key-id",
                                    "--db-subnet-group-name",
                                    "--db-cluster-parameter-group-name")
                            .contains(m.group(1))) {
                assertTrue(
                        known.contains(value),
                        m.group(1) + " " + value + " is no output or resource name of the plans");
            }
        }
        for (String required : REQUIRED.get(operation)) {
            assertTrue(options.contains(required), operation + " needs " + required + ": " + command);
        }
    }

    /** Every string the two plans export, and every name their resources hold. */
    private static Set<String> outputValues() {
        Set<String> values = new HashSet<>();
        for (String stack : List.of("prod-us", "prod-eu")) {
            var plan = StackHarness.rawPlan(stack, 0);
            plan.outputs().values().forEach(v -> values.add(String.valueOf(v)));
            plan.resources().forEach(r -> r.inputs().values().forEach(v -> values.add(String.valueOf(v))));
        }
        return values;
    }

    private static String run(String... args) {
        var run = StackHarness.cli(args);
        assertEquals(Cli.OK, run.code(), run.err());
        return run.out();
    }
}
