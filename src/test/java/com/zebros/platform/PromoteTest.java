package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.PlanEdits;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import com.zebros.platform.tools.offline.transition.Transition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyStackFiles() throws IOException {
        for (String file : List.of("Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod-us.yaml", "Pulumi.prod-eu.yaml")) {
            Files.copy(StackHarness.PROJECT.resolve(file), dir.resolve(file));
        }
    }

    private int promote(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "promote";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Cli(
                        dir,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promotingDevToPhaseOneListsTheAutoScalingItAddsAndTheCapacityItChanges() {
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "1"));
        String text = output();
        assertTrue(
                text.startsWith(
                        "promote dev: phase 0 → 1 (standalone, us-east-1)\nSeed band of phase 1: Tier 1, startup CRM:"
                                + " under 25 users, under 1K customers, under 100 opportunities, under 5 GB"),
                text);
        assertTrue(
                text.contains(
                        "Switches on:\n  + DynamoDB on provisioned capacity with auto-scaling (on demand before)\n"),
                text);
        assertTrue(text.contains("+ customers-write  aws:appautoscaling/target:Target"));
        assertTrue(text.contains("billingMode: PAY_PER_REQUEST → PROVISIONED"), "changed inputs show old → new");
        assertTrue(text.contains("memorySize: 128 → 256"));
        assertTrue(text.contains("keep their identity"));
    }

    @Test
    void withoutWriteTheStackFileIsUntouched() throws IOException {
        byte[] before = Files.readAllBytes(dir.resolve("Pulumi.dev.yaml"));
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "1"));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(dir.resolve("Pulumi.dev.yaml")));
    }

    @Test
    void writeSetsThePhaseAndLeavesEveryOtherByteAsItWas() throws IOException {
        String before = Files.readString(dir.resolve("Pulumi.dev.yaml"));
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "1", "--write"));
        String after = Files.readString(dir.resolve("Pulumi.dev.yaml"));
        assertEquals(before.replace("zebros:phase: 0", "zebros:phase: 1"), after);
        assertTrue(output().contains("Wrote zebros:phase: 1 to Pulumi.dev.yaml"));
    }

    @Test
    void skippingAPhaseIsRefusedUnlessAllowed() throws IOException {
        assertEquals(Cli.FAILED, promote("--stack", "dev", "--to", "2", "--write"));
        assertTrue(output().contains("skips a phase"), output());
        assertTrue(
                Files.readString(dir.resolve("Pulumi.dev.yaml")).contains("zebros:phase: 0"),
                "a refusal writes nothing");
        out.reset();
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "2", "--allow-skip"));
    }

    @Test
    void aSecondaryCannotGoAboveItsPrimary() {
        assertEquals(Cli.FAILED, promote("--stack", "prod-eu", "--to", "1"));
        assertTrue(output().contains("prod-us is at phase 0; promote it first"), output());
    }

    @Test
    void steppingDownWorksTheSameWayAndRemovesLayersButNoData() throws IOException {
        Files.writeString(
                dir.resolve("Pulumi.dev.yaml"),
                Files.readString(dir.resolve("Pulumi.dev.yaml")).replace("zebros:phase: 0", "zebros:phase: 2"));
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "1"));
        String text = output();
        assertTrue(text.contains("- dax  aws:dax/cluster:Cluster"), text);
        assertTrue(
                text.contains("Switches off:\n") && text.contains("  - a DAX cluster in front of the tables\n"), text);
        assertTrue(text.contains("- sessions  aws:elasticache/replicationGroup:ReplicationGroup"));
        assertTrue(text.contains("keep their identity"));
    }

    @Test
    void intoPhaseThreeRedisGoesThroughCompatibleFirstAndASecondPromotionFinishesIt() throws IOException {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, Files.readString(file).replace("zebros:phase: 0", "zebros:phase: 2"));
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "3", "--write"));
        assertTrue(output().contains("Redis moves into cluster mode in two deployments"), output());
        assertTrue(output().contains("clusterMode: disabled → compatible"), output());
        String firstStep = Files.readString(file);
        assertTrue(
                firstStep.contains("zebros:phase: 3") && firstStep.contains("zebros:redisClusterMode: compatible"),
                firstStep);
        out.reset();
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "3", "--write"));
        assertTrue(output().contains("clusterMode: compatible → enabled"), output());
        assertFalse(Files.readString(file).contains("redisClusterMode"), "the second step removes the marker");
    }

    @Test
    void steppingDownFromPhaseThreeKeepsRedisInClusterModeInTheStackFile() throws IOException {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, Files.readString(file).replace("zebros:phase: 0", "zebros:phase: 3"));
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "2", "--write"));
        assertTrue(output().contains("Redis stays in cluster mode"), output());
        String down = Files.readString(file);
        assertTrue(down.contains("zebros:phase: 2") && down.contains("zebros:redisClusterMode: enabled"), down);
        out.reset();
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "3", "--write"));
        assertFalse(output().contains("two deployments"), "already in cluster mode: one deployment\n" + output());
        assertFalse(Files.readString(file).contains("redisClusterMode"));
    }

    @Test
    void aPrimaryMovingItsGlobalTablesToProvisionedIsPlannedInSteps() {
        assertEquals(Cli.OK, promote("--stack", "prod-us", "--to", "1"));
        assertTrue(output().contains("DynamoDB global tables move to provisioned capacity"), output());
    }

    @Test
    void aReplacedOrDeletedStatefulResourceIsNamedAsARefusal() {
        Plan before = StackHarness.rawPlan("dev", 0);
        List<PlannedResource> changed = new ArrayList<>();
        for (PlannedResource r : before.resources()) {
            if (r.type().equals("aws:dynamodb/table:Table") && r.name().equals("customers")) {
                Map<String, Object> inputs = new LinkedHashMap<>(r.inputs());
                inputs.put("rangeKey", "id");
                changed.add(r.withInputs(inputs));
            } else if (!(r.type().equals("aws:s3/bucketV2:BucketV2"))) {
                changed.add(r);
            }
        }
        Plan after = new Plan(
                before.project(),
                before.stack(),
                1,
                before.role(),
                before.region(),
                changed,
                before.outputs(),
                List.of());
        List<String> violations = Transition.simulate(before, after).problems().stream()
                .map(Object::toString)
                .toList();
        assertTrue(
                violations.stream()
                        .anyMatch(v -> v.startsWith("DATA_LOSS urn:pulumi:dev::zebros::zebros:data:CrmTables$"
                                + "aws:dynamodb/table:Table::customers: holds data and would be replaced (rangeKey: customerId → id "
                                + "(ForceNew: aws_dynamodb_table.range_key")),
                violations.toString());
        assertTrue(
                violations.stream()
                        .anyMatch(v -> v.startsWith("DATA_LOSS ")
                                && v.contains("aws:s3/bucketV2:BucketV2::files: holds " + "data and would be deleted")),
                violations.toString());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(Cli.BAD_INPUT, promote("--stack", "dev"));
        assertEquals(Cli.BAD_INPUT, promote("--stack", "dev", "--to", "9"));
    }

    @Test
    void intoPhaseThreeTheSimulatedUpNamesEachReplacementWithItsRuleAndTheColdCache() throws IOException {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, Files.readString(file).replace("zebros:phase: 0", "zebros:phase: 2"));
        assertEquals(Cli.OK, promote("--stack", "dev", "--to", "3"));
        String text = output();
        assertTrue(text.contains("\npulumi up, simulated: "), text);
        assertTrue(
                text.contains("  ↻ dax  aws:dax/cluster:Cluster  (created first, the old one deleted at the end)\n"
                        + "        clusterName: zebros-dev-dax-t3s → zebros-dev-dax-r5l (ForceNew: aws_dax_cluster.cluster_name "
                        + "(internal/service/dax/cluster.go))\n"),
                text);
        assertTrue(text.contains("nodeType: dax.t3.small → dax.r5.large (ForceNew: aws_dax_cluster.node_type"), text);
        assertTrue(
                text.contains("  ↻ report-worker  aws:ecs/taskDefinition:TaskDefinition  (a new revision; the old one "
                        + "deregistered at the end)"),
                text);
        assertTrue(text.contains("the DAX cluster dax is replaced"), text);
        assertFalse(text.contains("Refused:"), text);
    }

    /** A step whose after-plan keeps a fixed name through a replacement, as the program once did with DAX. */
    @Test
    void aStepThatReplacesUnderATakenNameIsRefusedNamingTheFix() {
        var current = StackHarness.settings("prod-us", Map.of("phase", "2"));
        var promotion = com.zebros.platform.tools.offline.Promotion.plan(
                current, 3, new com.zebros.platform.tools.offline.Promotion.Context(null, false), settings -> {
                    Plan plan = StackHarness.CLI_PLANNER.plan(settings);
                    return settings.phase() == 3 ? keepName(plan, StackHarness.CLI_PLANNER.plan(current)) : plan;
                });
        String text = com.zebros.platform.tools.offline.PromotionPrinter.render(promotion);
        assertTrue(promotion.refused(), text);
        assertTrue(
                text.contains(
                        "Refused:\n  - NAME_COLLISION urn:pulumi:prod-us::zebros::zebros:data:Dax$aws:dax/cluster:"
                                + "Cluster::dax: the replacement of aws:dax/cluster:Cluster z-prod-us-d4-dax-t3s / us-east-1 fails"),
                text);
        assertTrue(
                text.contains("Fix: derive the name from the inputs that force the replacement, or set "
                        + "deleteBeforeReplace"),
                text);
    }

    /** A step whose after-plan moves an alarm to another logical name without an alias. */
    @Test
    void aStepWhoseDeleteRemovesWhatItsNewResourceWroteIsRefused() {
        var current = StackHarness.settings("dev", Map.of("phase", "0"));
        var promotion = com.zebros.platform.tools.offline.Promotion.plan(
                current, 1, new com.zebros.platform.tools.offline.Promotion.Context(null, false), settings -> {
                    Plan plan = StackHarness.CLI_PLANNER.plan(settings);
                    return settings.phase() == 1 ? renameFirstAlarm(plan) : plan;
                });
        String text = com.zebros.platform.tools.offline.PromotionPrinter.render(promotion);
        assertTrue(promotion.refused(), text);
        assertTrue(text.contains("  - DELETE_REMOVES_NEW "), text);
        assertTrue(text.contains("API_PutMetricAlarm.html"), text);
    }

    private static Plan renameFirstAlarm(Plan plan) {
        var alarm = plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").get(0);
        return PlanEdits.change(plan, alarm.type(), alarm.name(), r -> PlanEdits.renamed(r, "-renamed"));
    }

    /** The DAX cluster of {@code after} under the name it has in {@code before}. */
    private static Plan keepName(Plan after, Plan before) {
        Object oldName = before.find("aws:dax/cluster:Cluster", "dax")
                .orElseThrow()
                .inputs()
                .get("clusterName");
        return PlanEdits.change(
                after,
                "aws:dax/cluster:Cluster",
                "dax",
                r -> r.withInputs(PlanEdits.with(r.inputs(), "clusterName", oldName)));
    }
}
