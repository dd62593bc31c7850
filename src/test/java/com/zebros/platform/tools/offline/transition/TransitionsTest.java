package com.zebros.platform.tools.offline.transition;

import static com.zebros.platform.support.PlanEdits.change;
import static com.zebros.platform.support.PlanEdits.renamed;
import static com.zebros.platform.support.PlanEdits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedOptions;
import com.zebros.platform.tools.offline.PlannedResource;
import com.zebros.platform.tools.offline.Promotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every promotion step of every stack, and every step down, carried through {@code pulumi up} as the engine would
 * (the provider's replacement rules, the engine's order, AWS's unique names): none replaces or deletes data, none
 * creates a name that another resource still holds, none deletes what another resource created. The plans are the
 * ones {@code promote} plans, including Redis's intermediate {@code compatible} step into phase 3.
 */
class TransitionsTest {

    static Stream<Arguments> everyStep() {
        List<Arguments> steps = new ArrayList<>();
        for (String stack : StackHarness.STACKS) {
            for (int from = 0; from < 3; from++) {
                steps.add(Arguments.of(stack, from, from + 1));
                steps.add(Arguments.of(stack, from + 1, from));
            }
        }
        return steps.stream();
    }

    /** The promotions {@code promote --to <to>} runs from {@code from}, the second Redis step included. */
    static List<Promotion> promotions(String stack, int from, int to) {
        StackSettings current = StackHarness.settings(stack, Map.of("phase", String.valueOf(from)));
        Promotion first =
                Promotion.plan(current, to, new Promotion.Context(null, false), StackHarness.CLI_PLANNER::plan);
        if (!first.to().redisCompatibleStep()) {
            return List.of(first);
        }
        return List.of(
                first,
                Promotion.plan(first.to(), to, new Promotion.Context(null, false), StackHarness.CLI_PLANNER::plan));
    }

    @ParameterizedTest(name = "{0}: phase {1} → {2}")
    @MethodSource("everyStep")
    void theStepDeploysToTheEndWithNoDataLost(String stack, int from, int to) {
        for (Promotion promotion : promotions(stack, from, to)) {
            Transition transition = promotion.transition();
            assertEquals(List.of(), transition.problems(), stack + " " + from + " → " + to);
            assertTrue(transition.deploys());
            assertEquals(List.of(), promotion.refusals());
            long stateful = promotion.before().resources().stream()
                    .filter(r -> StatefulTypes.holdsData(r.type()))
                    .count();
            assertTrue(stateful >= 4, "the bucket, the cluster and keys at least: " + stateful);
        }
    }

    @Test
    void intoPhaseThreeTheDaxClusterIsReplacedUnderANewNameAndTheOldOneGoesLast() {
        Transition transition = promotions("prod-us", 2, 3).get(0).transition();
        Step created = only(transition, Step.Kind.CREATE_REPLACEMENT, AwsTypes.DAX_CLUSTER);
        Step deleted = only(transition, Step.Kind.DELETE_REPLACED, AwsTypes.DAX_CLUSTER);
        assertTrue(
                created.reasons().stream()
                        .anyMatch(r -> r.startsWith("nodeType: dax.t3.small → dax.r5.large")
                                && r.contains("aws_dax_cluster.node_type")),
                created.reasons().toString());
        assertTrue(transition.steps().indexOf(created) < transition.steps().indexOf(deleted));
        assertFalse(created.after()
                .inputs()
                .get("clusterName")
                .equals(deleted.before().inputs().get("clusterName")));
        assertTrue(
                CacheWarmth.of(transition).stream()
                        .anyMatch(line -> line.startsWith("the DAX cluster dax is " + "replaced")
                                && line.endsWith("after 1 minute, one TTL of its items")),
                CacheWarmth.of(transition).toString());
    }

    /** ElastiCache cannot leave cluster mode: a step down keeps it, and the way back up needs no compatible step. */
    @Test
    void redisStaysInClusterModeDownAndComesBackUpInOneStep() {
        Promotion down = promotions("prod-us", 3, 2).get(0);
        assertEquals(com.zebros.platform.config.RedisClusterMode.KEPT, down.to().redisClusterMode());
        PlannedResource redis = down.after()
                .find(AwsTypes.ELASTICACHE_REPLICATION_GROUP, "sessions")
                .orElseThrow();
        assertEquals("enabled", redis.inputs().get("clusterMode"));
        assertEquals(1L, redis.inputs().get("numNodeGroups"));
        assertTrue(
                down.steps().stream().anyMatch(step -> step.startsWith("Redis stays in cluster mode")),
                down.steps().toString());

        Promotion up = Promotion.plan(down.to(), 3, new Promotion.Context(null, false), StackHarness.CLI_PLANNER::plan);
        assertFalse(up.to().redisCompatibleStep());
        assertEquals(List.of(), up.transition().problems());
        assertEquals(
                Step.Kind.UPDATE,
                up.transition().steps().stream()
                        .filter(st -> st.resource().type().equals(AwsTypes.ELASTICACHE_REPLICATION_GROUP))
                        .findFirst()
                        .orElseThrow()
                        .kind());
    }

    /** The step down as the program once planned it: out of cluster mode, which AWS refuses. */
    @Test
    void leavingClusterModeIsAnUpdateAwsRefuses() {
        Plan before = StackHarness.rawPlan("prod-us", 3);
        Plan after = StackHarness.rawPlan("prod-us", 2);
        Transition transition = Transition.simulate(before, after);
        List<Problem> refused = transition.problemsOf(Problem.Kind.UPDATE_REFUSED);
        assertEquals(1, refused.size(), transition.problems().toString());
        assertTrue(
                refused.get(0).message().startsWith("clusterMode: enabled → disabled is refused by AWS"),
                refused.get(0).message());
    }

    @Test
    void theRedisTtlTheColdCacheIsMeasuredInIsTheFunctionsOwn() throws java.io.IOException {
        String source = java.nio.file.Files.readString(
                StackHarness.PROJECT.resolve("functions/src/main/java/com/zebros/crm/cache/RedisItemCache.java"));
        var ttl = java.util.regex.Pattern.compile("TTL_SECONDS = (\\d+);").matcher(source);
        assertTrue(ttl.find());
        assertEquals(Integer.parseInt(ttl.group(1)), CacheWarmth.REDIS_TTL_SECONDS);
    }

    @Test
    void theReportWorkersChangeCapacityInPlace() {
        for (int[] step : new int[][] {{2, 3}, {3, 2}}) {
            Transition transition = promotions("dev", step[0], step[1]).get(0).transition();
            Step service = transition.steps().stream()
                    .filter(s -> s.resource().type().equals(AwsTypes.ECS_SERVICE)
                            && s.resource().name().equals("report-worker"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Step.Kind.UPDATE, service.kind(), service.reasons().toString());
        }
    }

    @Test
    void aPlantedFixedNameReplacementIsANameCollision() {
        Plan before = StackHarness.rawPlan("prod-us", 2);
        Plan after = change(
                before, AwsTypes.DAX_CLUSTER, "dax", r -> r.withInputs(with(r.inputs(), "nodeType", "dax.r5.xlarge")));
        Transition transition = Transition.simulate(before, after);
        List<Problem> collisions = transition.problemsOf(Problem.Kind.NAME_COLLISION);
        assertEquals(1, collisions.size(), transition.problems().toString());
        assertTrue(
                collisions.get(0).message().contains("still holds the name"),
                collisions.get(0).toString());
        assertFalse(transition.deploys());
    }

    @Test
    void aPlantedFixedNameReplacementDeletedFirstDeploys() {
        Plan before = StackHarness.rawPlan("prod-us", 2);
        Plan after = change(
                before,
                AwsTypes.DAX_CLUSTER,
                "dax",
                r -> r.withInputs(with(r.inputs(), "nodeType", "dax.r5.xlarge"))
                        .withOptions(new PlannedOptions(false, true, List.of(), List.of(), List.of(), false)));
        Transition transition = Transition.simulate(before, after);
        assertEquals(List.of(), transition.problems());
        Step deleted = only(transition, Step.Kind.DELETE_REPLACED, AwsTypes.DAX_CLUSTER);
        Step created = only(transition, Step.Kind.CREATE_REPLACEMENT, AwsTypes.DAX_CLUSTER);
        assertTrue(transition.steps().indexOf(deleted) < transition.steps().indexOf(created));
    }

    @Test
    void aPlantedComponentMoveCreatesTheNameBeforeTheOldOneIsDeleted() {
        Plan before = StackHarness.rawPlan("dev", 2);
        PlannedResource record =
                before.find(AwsTypes.ROUTE53_RECORD, "edge-auth").orElseThrow();
        String movedUrn = record.urn().replace("zebros:edge:Edge$", "zebros:edge:Edge$zebros:edge:Cdn$");
        java.util.function.Function<PlannedOptions, Plan> movedWith = options -> change(
                before,
                AwsTypes.ROUTE53_RECORD,
                "edge-auth",
                r -> new PlannedResource(
                        movedUrn,
                        r.type(),
                        r.name(),
                        r.parent() + "-cdn",
                        r.provider(),
                        r.region(),
                        r.inputs(),
                        options));
        Plan moved = movedWith.apply(PlannedOptions.NONE);
        Transition transition = Transition.simulate(before, moved);
        assertEquals(
                1,
                transition.problemsOf(Problem.Kind.NAME_COLLISION).size(),
                transition.problems().toString());

        Plan aliased =
                movedWith.apply(new PlannedOptions(false, false, List.of(record.urn()), List.of(), List.of(), false));
        Transition followed = Transition.simulate(before, aliased);
        assertEquals(List.of(), followed.problems());
        assertEquals(0, followed.counts().get(Step.Kind.DELETE));
    }

    @Test
    void aMovedAlarmIsPutOverTheOldOneAndThenDeletedWithIt() {
        Plan before = StackHarness.rawPlan("dev", 0);
        PlannedResource alarm = before.ofType(AwsTypes.CLOUDWATCH_METRIC_ALARM).get(0);
        Plan moved = change(before, AwsTypes.CLOUDWATCH_METRIC_ALARM, alarm.name(), r -> renamed(r, "-moved"));
        Transition transition = Transition.simulate(before, moved);
        List<Problem> problems = transition.problemsOf(Problem.Kind.DELETE_REMOVES_NEW);
        assertEquals(1, problems.size(), transition.problems().toString());
        assertEquals(alarm.urn(), problems.get(0).urn());
        assertTrue(
                problems.get(0).message().contains("PutMetricAlarm"),
                problems.get(0).message());
    }

    @Test
    void aReplacedProtectedTableIsRefusedTwice() {
        Plan before = StackHarness.rawPlan("prod-us", 1);
        Plan after = change(
                before, AwsTypes.DYNAMODB_TABLE, "customers", r -> r.withInputs(with(r.inputs(), "rangeKey", "id")));
        Transition transition = Transition.simulate(before, after);
        assertEquals(
                1,
                transition.problemsOf(Problem.Kind.DATA_LOSS).size(),
                transition.problems().toString());
        assertEquals(
                1,
                transition.problemsOf(Problem.Kind.PROTECTED).size(),
                transition.problems().toString());
        assertTrue(
                transition
                        .problemsOf(Problem.Kind.DATA_LOSS)
                        .get(0)
                        .message()
                        .contains("rangeKey: customerId → id (ForceNew: aws_dynamodb_table.range_key"),
                transition.problems().toString());
    }

    @Test
    void anIgnoredChangeIsNoChange() {
        Plan before = StackHarness.rawPlan("prod-us", 1);
        PlannedResource service =
                before.find(AwsTypes.ECS_SERVICE, "report-worker").orElseThrow();
        assertTrue(service.options().ignoreChanges().contains("desiredCount"));
        Plan after = change(
                before, AwsTypes.ECS_SERVICE, "report-worker", r -> r.withInputs(with(r.inputs(), "desiredCount", 7)));
        Step step = Transition.simulate(before, after).steps().stream()
                .filter(s -> s.urn().equals(service.urn()))
                .findFirst()
                .orElseThrow();
        assertEquals(Step.Kind.SAME, step.kind());
    }

    private static Step only(Transition transition, Step.Kind kind, String type) {
        List<Step> steps = transition.ofKind(kind).stream()
                .filter(s -> s.resource().type().equals(type))
                .toList();
        assertEquals(1, steps.size(), kind + " " + type + ": " + steps);
        return steps.get(0);
    }
}
